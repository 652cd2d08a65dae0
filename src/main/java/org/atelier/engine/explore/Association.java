package org.atelier.engine.explore;

/**
 * How two columns relate: Cramér's V ({@code cramers_v}) between two categorical columns, or the exposure-weighted
 * Pearson correlation ({@code pearson}) between two numeric ones. {@code flagged}: V above 0.3 or |r| above 0.7.
 */
public record Association(String a, String b, String measure, double value, boolean flagged) {
    public static final String CRAMERS_V = "cramers_v";
    public static final String PEARSON = "pearson";
    public static final double V_FLAG = 0.3;
    public static final double R_FLAG = 0.7;
}
