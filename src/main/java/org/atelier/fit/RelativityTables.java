package org.atelier.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.effect.Effects;
import org.atelier.engine.effect.TermEffect;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.frame.Frame;
import org.atelier.model.CurvePoint;
import org.atelier.model.EncodedLevelRelativity;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * The relativities view of a log-link model, Emblem-style, as the engine's {@link Effects} compute it: for each
 * categorical factor every level's exp(β) with its interval and the exposure behind it (the base level at 1), for
 * linear, expression and spline terms the curve exp(f(x) − f(b)) over the data range with its band, 1 at the base
 * value b (the exposure-weighted median by default), for target and frequency encodings each level's encoded value
 * with exp(β·value). The exposure of a level is the sum of the offset column for a model with an exposure offset,
 * else of the prior weights, else the row count, summed over the rows the model was fitted on (the training rows of a
 * spec with a hold-out: the test rows tell how well the model predicts, not what it learnt from).
 */
final class RelativityTables {
    static final int CURVE_POINTS = Effects.CURVE_POINTS;

    private RelativityTables() {
    }

    /** @param frame the dataset the model was fitted from, hold-out rows included */
    static List<FactorRelativities> of(FittedModel model, Frame frame) {
        if (model.link() != Link.LOG) {
            return List.of();
        }
        List<FactorRelativities> out = new ArrayList<>();
        for (TermEffect effect : Effects.of(model, HoldOut.training(model.spec(), frame), CURVE_POINTS)) {
            List<LevelRelativity> levels = new ArrayList<>();
            for (TermEffect.LevelEffect l : effect.levels()) {
                levels.add(new LevelRelativity(l.level(), l.estimate(), l.lower(), l.upper(), l.exposure(), l.base()));
            }
            List<EncodedLevelRelativity> encoded = new ArrayList<>();
            for (TermEffect.EncodedLevel e : effect.encoded()) {
                encoded.add(new EncodedLevelRelativity(e.level(), e.encodedValue(), e.estimate(), e.lower(), e.upper(),
                        e.exposure()));
            }
            boolean isCurve = !effect.curve().isEmpty();
            out.add(new FactorRelativities(effect.term(), effect.type(), effect.baseLevel(), levels, curve(effect),
                    encoded, isCurve ? effect.base() : null, isCurve ? effect.baseRule() : null,
                    warnings(model, effect.term())));
        }
        return out;
    }

    /**
     * A stored curve redrawn relative to another base value, from the model's coefficients (no refit, no data): on
     * the same x values, less the old base point.
     */
    static FactorRelativities rebased(FittedModel model, FactorRelativities factor, double base) {
        double[] xs = factor.curve().stream().mapToDouble(CurvePoint::x)
                .filter(x -> factor.base() == null || x != factor.base()).toArray();
        TermEffect effect = Effects.curve(model, factor.factor(), xs, base).orElseThrow(() ->
                new IllegalArgumentException("The model has no curve for " + factor.factor()));
        return factor.withCurve(curve(effect), base);
    }

    private static List<CurvePoint> curve(TermEffect effect) {
        return effect.curve().stream().map(p -> new CurvePoint(p.x(), p.estimate(), p.lower(), p.upper())).toList();
    }

    private static List<String> warnings(FittedModel model, String term) {
        return model.encoders().stream().filter(e -> e.name().equals(term))
                .flatMap(e -> e.warnings().stream()).toList();
    }
}
