package org.atelier.engine.diagnostics;

/**
 * One lift bucket: its rows' counts and sums, the actual and predicted rates (ΣA/Σe, ΣE/Σe), A/E and its 95%
 * Poisson-type interval A/E·(1 ± 1.96/√max(A, 1)), the lower end floored at 0.
 */
public record LiftBucket(int bucket, int nObs, double exposure, double actual, double expected, double actualRate,
                         double predictedRate, double ae, double aeLower, double aeUpper) {
}
