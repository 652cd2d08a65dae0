package org.atelier.engine.diagnostics;

import java.util.List;
import java.util.Optional;

/**
 * Every diagnostic of a model on one set of rows (the training rows, a hold-out or another dataset): totals, Gini
 * with its Lorenz points (at most 200, the first (0, 0)), one lift per bucket count, A/E by factor and residuals.
 */
public record DiagnosticSet(Totals totals, double gini, List<LorenzPoint> lorenz, List<Lift> lifts,
                            List<FactorAe> factors, Residuals residuals) {
    /** The most Lorenz points kept for the chart (the Gini uses them all). */
    public static final int MAX_LORENZ_POINTS = 200;

    public DiagnosticSet {
        lorenz = List.copyOf(lorenz);
        lifts = List.copyOf(lifts);
        factors = List.copyOf(factors);
    }

    /** The lift with {@code k} buckets, if it was computed. */
    public Optional<Lift> lift(int k) {
        return lifts.stream().filter(l -> l.k() == k).findFirst();
    }

    /** A/E by the levels of {@code column}, if it was computed. */
    public Optional<FactorAe> factor(String column) {
        return factors.stream().filter(f -> f.column().equals(column)).findFirst();
    }
}
