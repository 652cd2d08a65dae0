package org.atelier.engine.effect;

import java.util.List;
import org.atelier.engine.spec.TermType;

/**
 * What the relativities view shows for one term of a fitted model. {@code scale} is {@link EffectScale#RELATIVITY}
 * for a log link (every estimate is exp(f), the base at 1) and {@link EffectScale#LINK} otherwise (f itself, the
 * base at 0). Exactly one of the lists is filled: {@code levels} for a categorical, {@code curve} for linear,
 * expression and spline terms, {@code encoded} for target/frequency encodings (one row per level with its encoded
 * value). A curve is relative to {@code base}, a value of its variable (its estimate there is the scale's 1 or 0),
 * chosen by {@code baseRule} ("exposure-weighted median"; null for a base the caller gave); NaN and null for the
 * other kinds.
 */
public record TermEffect(String term, TermType type, EffectScale scale, String baseLevel, List<LevelEffect> levels,
                         List<EffectPoint> curve, List<EncodedLevel> encoded, double base, String baseRule) {

    public TermEffect {
        levels = levels == null ? List.of() : List.copyOf(levels);
        curve = curve == null ? List.of() : List.copyOf(curve);
        encoded = encoded == null ? List.of() : List.copyOf(encoded);
    }

    /** One categorical level: its effect with the 95% interval and the exposure behind it. */
    public record LevelEffect(String level, double estimate, double lower, double upper, double exposure, boolean base) {
    }

    /** One point of a continuous term's fitted effect f(x) (or exp(f(x))) with its 95% pointwise band. */
    public record EffectPoint(double x, double estimate, double lower, double upper) {
    }

    /**
     * One level of a target- or frequency-encoded factor: the value the model sees for it at prediction time (the
     * full-data statistic), the exposure behind it, and the effect of that value with its band.
     */
    public record EncodedLevel(String level, double encodedValue, double exposure, double estimate, double lower,
                               double upper) {
    }
}
