package org.atelier.engine.diagnostics;

/**
 * Sums over the rows judged: {@code exposure} Σe, {@code actual} ΣA, {@code expected} ΣE, {@code ae} ΣA/ΣE and
 * {@code deviance} Σ w·unit deviance with the fitted coefficients (on the training rows, the model's deviance).
 */
public record Totals(int nObs, double exposure, double actual, double expected, double ae, double deviance) {

    /** Deviance per observation: comparable between a training part and a smaller hold-out. */
    public double deviancePerObservation() {
        return nObs == 0 ? Double.NaN : deviance / nObs;
    }
}
