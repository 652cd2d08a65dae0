package org.atelier.model;

import java.util.List;
import java.util.Optional;

/**
 * A model's stored validation figures, as the results tabs read them (the model_diagnostics table's
 * {@code diagnostics_json}, computed once in the fit's "Computing diagnostics" stage; reopening a model never
 * recomputes them). The records mirror {@code org.atelier.engine.diagnostics}'s, which define every figure; the UI
 * reads these, not the engine's.
 * {@code test} is null without a hold-out, {@code dropOne} null until the drop-one tests have been run.
 */
public record ModelDiagnostics(Part train, Part test, List<DropOneTest> dropOne) {

    /** The figures on one set of rows: the training rows or the hold-out. */
    public record Part(Totals totals, double gini, List<LorenzPoint> lorenz, List<Lift> lifts, List<FactorAe> factors,
                       Residuals residuals) {
        public Optional<Lift> lift(int k) {
            return lifts.stream().filter(l -> l.k() == k).findFirst();
        }

        public Optional<FactorAe> factor(String column) {
            return factors.stream().filter(f -> f.column().equals(column)).findFirst();
        }
    }

    /** Σ over the rows: exposure, actual, expected, A/E and the deviance. */
    public record Totals(int nObs, double exposure, double actual, double expected, double ae, double deviance) {
        public double deviancePerObservation() {
            return nObs == 0 ? Double.NaN : deviance / nObs;
        }
    }

    public record Lift(int k, List<LiftBucket> buckets) {
    }

    /** A/E's interval is Poisson-type: A/E·(1 ± 1.96/√max(A, 1)). */
    public record LiftBucket(int bucket, int nObs, double exposure, double actual, double expected, double actualRate,
                             double predictedRate, double ae, double aeLower, double aeUpper) {
    }

    public record LorenzPoint(double exposureShare, double actualShare) {
    }

    public record FactorAe(String column, boolean banded, List<FactorLevel> levels) {
    }

    public record FactorLevel(String level, int nObs, double exposure, double actual, double expected,
                              double observedRate, double fittedRate, double ae, double meanDevianceResidual,
                              double meanPearsonResidual) {
    }

    public record Residuals(List<ResidualBin> byBucket, List<QqPoint> qq) {
    }

    public record ResidualBin(int bucket, int nObs, double predictedRate, double meanDevianceResidual,
                              double meanPearsonResidual) {
    }

    public record QqPoint(double theoretical, double sample) {
    }

    /** {@code test}: "Chisq" or "F". */
    public record DropOneTest(String term, int df, double deviance, double deltaDeviance, String test,
                              double statistic, double pValue) {
    }

    /** Indices: each one's rate in the bucket over its own overall rate. */
    public record DoubleLiftBucket(int bucket, int nObs, double exposure, double actual, double expectedA,
                                   double expectedB, double actualIndex, double expectedAIndex,
                                   double expectedBIndex) {
    }

    public ModelDiagnostics withDropOne(List<DropOneTest> tests) {
        return new ModelDiagnostics(train, test, tests);
    }
}
