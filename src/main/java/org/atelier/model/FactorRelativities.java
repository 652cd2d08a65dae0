package org.atelier.model;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.spec.TermType;

/**
 * What the relativities view shows for one factor: per level for a categorical (with exposure), a curve with a
 * band for a continuous term (linear, expression, bs, ns), or per level the encoded value and its relativity for a
 * target or frequency encoding ({@code termType} target_encoding / frequency_encoding). Exactly one of
 * {@code levels}, {@code curve} and {@code encoded} is non-empty. A curve is relative to {@code base}, a value of its
 * variable where the curve is 1, chosen by {@code baseRule} ("exposure-weighted median"; null when the user set it);
 * both are null for the other kinds and for models stored before curves had a stated base. {@code warnings}: what
 * the fit reported about this factor (e.g. a spline fitted with fewer df than asked).
 */
public record FactorRelativities(String factor, TermType termType, String baseLevel, List<LevelRelativity> levels,
                                 List<CurvePoint> curve, List<EncodedLevelRelativity> encoded, Double base,
                                 String baseRule, List<String> warnings) {
    /** How many points of a curve the table lists (besides the base). */
    static final int TABLE_POINTS = 11;

    public FactorRelativities {
        levels = levels == null ? List.of() : List.copyOf(levels);
        curve = curve == null ? List.of() : List.copyOf(curve);
        encoded = encoded == null ? List.of() : List.copyOf(encoded);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public FactorRelativities(String factor, TermType termType, String baseLevel, List<LevelRelativity> levels,
                              List<CurvePoint> curve, List<EncodedLevelRelativity> encoded) {
        this(factor, termType, baseLevel, levels, curve, encoded, null, null, null);
    }

    public FactorRelativities(String factor, TermType termType, String baseLevel, List<LevelRelativity> levels,
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

    /** The same curve redrawn relative to another base value (the user's, so no rule). */
    public FactorRelativities withCurve(List<CurvePoint> newCurve, double newBase) {
        return new FactorRelativities(factor, termType, baseLevel, levels, newCurve, encoded, newBase, null, warnings);
    }

    /** "base 50 (exposure-weighted median)", or "base 60 (set by you)"; null without a stated base. */
    public String baseLabel() {
        if (base == null) {
            return null;
        }
        return "base " + number(base) + " (" + (baseRule == null ? "set by you" : baseRule) + ")";
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

    /**
     * A curve as table rows: the base (marked, relativity 1) and {@value #TABLE_POINTS} points spread over the
     * curve, in x order, each labelled with its x value. Exposure is not known per point.
     */
    public List<LevelRelativity> curveRows() {
        List<CurvePoint> others = curve.stream().filter(p -> !isBase(p)).toList();
        List<CurvePoint> shown = new ArrayList<>();
        for (int i = 0; i < TABLE_POINTS && !others.isEmpty(); i++) {
            CurvePoint p = others.get((int) Math.round(i * (others.size() - 1) / (double) (TABLE_POINTS - 1)));
            if (!shown.contains(p)) {
                shown.add(p);
            }
        }
        curve.stream().filter(this::isBase).findFirst().ifPresent(shown::add);
        shown.sort(java.util.Comparator.comparingDouble(CurvePoint::x));
        return shown.stream().map(p -> new LevelRelativity(number(p.x()), p.relativity(), p.lower(), p.upper(),
                Double.NaN, isBase(p))).toList();
    }

    private boolean isBase(CurvePoint p) {
        return base != null && p.x() == base;
    }

    /** x as a reader writes it: 50, 17.5, 0.0123. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
