package org.atelier.engine.effect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.ExpressionEncoder;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.inference.Distributions;

/**
 * The per-term effects of a fitted model, read from its coefficients and covariance: a continuous term's curve is
 * obtained by running its own encoder on a grid of x values, so splines and expressions are shown exactly as the
 * model evaluates them, with the pointwise band f ± 1.96·sqrt(b'Σb) from the covariance of the term's coefficients.
 * The frame is the training data (for the x range and the exposure per level). Interactions are not summarised
 * here: they are read in the coefficient table.
 */
public final class Effects {
    public static final int CURVE_POINTS = 50;

    private Effects() {
    }

    public static List<TermEffect> of(FittedModel model, Frame frame) {
        return of(model, frame, CURVE_POINTS);
    }

    public static List<TermEffect> of(FittedModel model, Frame frame, int curvePoints) {
        Context ctx = new Context(model, frame);
        List<TermEffect> out = new ArrayList<>();
        for (TermEncoder encoder : model.encoders()) {
            switch (encoder) {
                case CategoricalEncoder cat -> out.add(levels(ctx, cat));
                case LinearEncoder linear -> out.add(curve(ctx, linear, linear.column(), "linear", curvePoints));
                case SplineEncoder spline -> out.add(curve(ctx, spline, spline.column(), spline.kind(), curvePoints));
                case ExpressionEncoder expression -> out.add(expressionCurve(ctx, expression, curvePoints));
                case LevelEncoder level -> out.add(encoded(ctx, level));
                default -> {
                    // interactions: read in the coefficient table
                }
            }
        }
        return out;
    }

    /** What every term needs: coefficient positions, covariance, the link's scale and the exposure per row. */
    record Context(FittedModel model, Frame frame, Map<String, Integer> index, boolean multiplicative, double[] exposure) {
        Context(FittedModel model, Frame frame) {
            this(model, frame, indexOf(model.features()), model.link() == Link.LOG, Effects.exposure(model, frame));
        }

        String scale() {
            return multiplicative ? "relativity" : "link";
        }

        double out(double f) {
            return multiplicative ? Math.exp(f) : f;
        }

        /** f = b'β and its standard error for a linear combination of the named coefficients. */
        double[] combination(List<String> features, double[] weights) {
            int p = model.features().size();
            double[] beta = model.coefficients();
            double[] cov = model.covariance();
            int[] at = new int[features.size()];
            double f = 0;
            for (int j = 0; j < at.length; j++) {
                Integer i = index.get(features.get(j));
                at[j] = i == null ? -1 : i;
                if (i != null) {
                    f += beta[i] * weights[j];
                }
            }
            double var = 0;
            for (int a = 0; a < at.length; a++) {
                if (at[a] < 0) continue;
                for (int b = 0; b < at.length; b++) {
                    if (at[b] >= 0) {
                        var += weights[a] * weights[b] * cov[at[a] * p + at[b]];
                    }
                }
            }
            return new double[] {f, Math.sqrt(Math.max(var, 0))};
        }

        TermEffect.EffectPoint point(double x, double[] fse) {
            double half = Distributions.Z_975 * fse[1];
            return new TermEffect.EffectPoint(x, out(fse[0]), out(fse[0] - half), out(fse[0] + half));
        }

        private static Map<String, Integer> indexOf(List<String> features) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < features.size(); i++) {
                index.put(features.get(i), i);
            }
            return index;
        }
    }

    /** Per row: the exposure (offset column), else the prior weight, else null (each row counts 1). */
    static double[] exposure(FittedModel model, Frame frame) {
        String column = model.spec().offset() != null ? model.spec().offset() : model.spec().weights();
        return column == null ? null : Columns.numeric(frame, column);
    }

    private static TermEffect levels(Context ctx, CategoricalEncoder cat) {
        Block.Categorical block = (Block.Categorical) cat.encode(ctx.frame()).getFirst();
        int shift = cat.fullCoding() ? 0 : 1;
        double[] perLevel = new double[cat.levels().size()];
        int[] codes = block.codes();
        for (int i = 0; i < codes.length; i++) {
            perLevel[codes[i] + shift] += ctx.exposure() == null ? 1 : ctx.exposure()[i];
        }
        List<TermEffect.LevelEffect> rows = new ArrayList<>();
        for (int level = 0; level < perLevel.length; level++) {
            String label = cat.levels().get(level);
            if (level < shift) {
                rows.add(new TermEffect.LevelEffect(label, ctx.out(0), ctx.out(0), ctx.out(0), perLevel[level], true));
                continue;
            }
            double[] fse = ctx.combination(List.of(block.features().get(level - shift)), new double[] {1});
            double half = Distributions.Z_975 * fse[1];
            rows.add(new TermEffect.LevelEffect(label, ctx.out(fse[0]), ctx.out(fse[0] - half), ctx.out(fse[0] + half),
                    perLevel[level], false));
        }
        return new TermEffect(cat.column(), "categorical", ctx.scale(), cat.fullCoding() ? null : cat.baseLevel(),
                rows, null, null);
    }

    /**
     * A target or frequency encoding: per level the value new data gets, the exposure behind it and the effect
     * β·value with its band (relative to a value of 0, the feature's natural origin).
     */
    private static TermEffect encoded(Context ctx, LevelEncoder encoder) {
        int[] level = encoder.levelOf(ctx.frame());
        double[] perLevel = new double[encoder.levels().size()];
        for (int i = 0; i < level.length; i++) {
            if (level[i] >= 0) {
                perLevel[level[i]] += ctx.exposure() == null ? 1 : ctx.exposure()[i];
            }
        }
        List<TermEffect.EncodedLevel> rows = new ArrayList<>();
        for (int l = 0; l < perLevel.length; l++) {
            double v = encoder.values()[l];
            TermEffect.EffectPoint p = ctx.point(v, ctx.combination(List.of(encoder.feature()), new double[] {v}));
            rows.add(new TermEffect.EncodedLevel(encoder.levels().get(l), v, perLevel[l], p.estimate(), p.lower(), p.upper()));
        }
        return new TermEffect(encoder.feature(), encoder.type(), ctx.scale(), null, null, null, rows);
    }

    /** A term of one numeric column: its encoder run on an even grid over the column's training range. */
    private static TermEffect curve(Context ctx, TermEncoder encoder, String column, String type, int points) {
        double[] grid = grid(Columns.numeric(ctx.frame(), column), points);
        Frame gridFrame = new Frame(List.of(new NumericColumn(column, grid, false)));
        List<Block> blocks = encoder.encode(gridFrame);
        List<String> features = new ArrayList<>();
        for (Block b : blocks) {
            features.add(((Block.Dense) b).feature());
        }
        List<TermEffect.EffectPoint> curve = new ArrayList<>(points);
        double[] weights = new double[blocks.size()];
        for (int g = 0; g < grid.length; g++) {
            for (int j = 0; j < blocks.size(); j++) {
                weights[j] = ((Block.Dense) blocks.get(j)).values()[g];
            }
            curve.add(ctx.point(grid[g], ctx.combination(features, weights)));
        }
        return new TermEffect(encoder.name(), type, ctx.scale(), null, null, curve, null);
    }

    /**
     * An expression of one column is drawn against that column (e.g. BM² against BonusMalus); one of several columns
     * against its own value, the only axis it has.
     */
    private static TermEffect expressionCurve(Context ctx, ExpressionEncoder expression, int points) {
        List<String> columns = expression.columns();
        if (columns.size() == 1) {
            return curve(ctx, expression, columns.getFirst(), "expression", points);
        }
        Block.Dense block = (Block.Dense) expression.encode(ctx.frame()).getFirst();
        double[] grid = grid(block.values(), points);
        List<TermEffect.EffectPoint> curve = new ArrayList<>(points);
        for (double v : grid) {
            curve.add(ctx.point(v, ctx.combination(List.of(block.feature()), new double[] {v})));
        }
        return new TermEffect(expression.name(), "expression", ctx.scale(), null, null, curve, null);
    }

    static double[] grid(double[] values, int points) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            // the last point exactly at max, so spline bases see their boundary knot and not max + rounding
            grid[i] = i == points - 1 ? max : min + (max - min) * i / (points - 1);
        }
        return grid;
    }
}
