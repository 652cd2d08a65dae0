package org.atelier.engine.diagnostics;

/** Residuals against fitted values: the mean deviance and Pearson residual of a lift bucket's rows. */
public record ResidualBin(int bucket, int nObs, double predictedRate, double meanDevianceResidual,
                          double meanPearsonResidual) {
}
