package org.atelier.engine.explore;

/**
 * What the portfolio is explored for: the response, the exposure (the offset column, a log-link exposure; null for
 * none), the prior weights (null for none) and the family (and link, null for the family's default) the factor
 * strengths are fitted with.
 */
public record ExploreChoice(String response, String exposure, String weights, String family, String link) {
    public ExploreChoice {
        if (response == null || response.isBlank()) {
            throw new IllegalArgumentException("A response column is needed to explore the data");
        }
        exposure = blankToNull(exposure);
        weights = blankToNull(weights);
        family = family == null || family.isBlank() ? "poisson" : family;
        link = blankToNull(link);
    }

    /** The key a cached exploration is stored under: the same choice finds the same figures. */
    public String key() {
        return response + "|" + (exposure == null ? "" : exposure) + "|" + (weights == null ? "" : weights) + "|"
                + family + "|" + (link == null ? "" : link);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
