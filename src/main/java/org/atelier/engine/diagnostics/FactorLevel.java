package org.atelier.engine.diagnostics;

/**
 * Actual against expected for one level (or band) of a column: observed rate ΣA/Σe, fitted rate ΣE/Σe (the average
 * prediction), A/E, and the mean deviance and Pearson residuals of its rows (residuals by factor).
 */
public record FactorLevel(String level, int nObs, double exposure, double actual, double expected, double observedRate,
                          double fittedRate, double ae, double meanDevianceResidual, double meanPearsonResidual) {
}
