package org.atelier.engine.explore;

/**
 * A factor's strength alone: the deviance a one-factor GLM (its levels or bands as a categorical, the chosen
 * family, exposure and weights) removes from the intercept-only model, its degrees of freedom and the p-value
 * (χ² test, or F for a family whose dispersion is estimated).
 */
public record FactorStrength(String column, double devianceReduction, int df, double pValue) {
}
