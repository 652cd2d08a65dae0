package org.atelier.engine.explore;

import java.util.List;

/**
 * The response over the rows explored: rows, total exposure Σe, total response ΣA (A = w·y), the overall rate
 * ΣA/Σe, the share of rows whose response is 0, and quantiles of the rows' own rate y/t (unweighted).
 * {@code excludedRows}: rows left out because their response, exposure or weight is missing.
 */
public record ResponseSummary(String column, int rows, int excludedRows, double exposure, double actual, double rate,
                              double zeroShare, List<RateQuantile> quantiles) {
    public ResponseSummary {
        quantiles = List.copyOf(quantiles);
    }

    /** The value below which a share {@code p} of the rows' rates lie. */
    public record RateQuantile(double p, double value) {
    }
}
