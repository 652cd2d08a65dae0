package org.atelier.model;

import java.util.List;

/**
 * What the relativities view shows for one factor: per level for a categorical (with exposure), a curve with a
 * band for a continuous term (linear, expression, bs, ns), or per level the encoded value and its relativity for a
 * target or frequency encoding ({@code termType} target_encoding / frequency_encoding). Exactly one of
 * {@code levels}, {@code curve} and {@code encoded} is non-empty.
 */
public record FactorRelativities(String factor, String termType, String baseLevel, List<LevelRelativity> levels,
                                 List<CurvePoint> curve, List<EncodedLevelRelativity> encoded) {
    public FactorRelativities {
        levels = levels == null ? List.of() : List.copyOf(levels);
        curve = curve == null ? List.of() : List.copyOf(curve);
        encoded = encoded == null ? List.of() : List.copyOf(encoded);
    }

    public FactorRelativities(String factor, String termType, String baseLevel, List<LevelRelativity> levels,
                              List<CurvePoint> curve) {
        this(factor, termType, baseLevel, levels, curve, null);
    }

    public boolean isCategorical() {
        return !levels.isEmpty();
    }

    /** Whether the view shows it level by level (a categorical, or a target/frequency encoding). */
    public boolean hasLevels() {
        return !levels.isEmpty() || !encoded.isEmpty();
    }

    /**
     * The rows of a level-by-level view: a categorical's levels, or an encoding's levels labelled with the
     * value the model sees for them (e.g. "B12 (0.0871)").
     */
    public List<LevelRelativity> levelRows() {
        if (!levels.isEmpty()) {
            return levels;
        }
        return encoded.stream().map(e -> new LevelRelativity(String.format("%s (%.4g)", e.level(), e.encodedValue()),
                e.relativity(), e.ciLower(), e.ciUpper(), e.exposure(), false)).toList();
    }
}
