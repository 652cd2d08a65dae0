package org.atelier.engine.fit;

/**
 * One row of the coefficient table: estimate, standard error, z or t value, two-sided p-value, 95% Wald
 * interval, R's significance stars and the factor it belongs to.
 */
public record Coefficient(String feature, String factorName, double estimate, double stdError, double statistic,
                          double pValue, double ciLower, double ciUpper, String significance) {
}
