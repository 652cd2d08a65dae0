package org.atelier.model;

import java.util.List;

/**
 * What the relativities view shows for one factor: per level for a categorical (with exposure), or a curve
 * with a band for a continuous term. Exactly one of {@code levels} and {@code curve} is non-empty.
 */
public record FactorRelativities(String factor, String termType, String baseLevel, List<LevelRelativity> levels,
                                 List<CurvePoint> curve) {
    public FactorRelativities {
        levels = levels == null ? List.of() : List.copyOf(levels);
        curve = curve == null ? List.of() : List.copyOf(curve);
    }

    public boolean isCategorical() {
        return !levels.isEmpty();
    }
}
