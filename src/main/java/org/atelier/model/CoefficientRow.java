package org.atelier.model;

/** One row of the coefficient table; {@code statistic} is a z or t value as the family implies. */
public record CoefficientRow(String feature, String factorName, double estimate, double stdError, double statistic,
                             double pValue, double ciLower, double ciUpper, String significance) {

    /** Whether a feature or factor name is the intercept's, as the engine ("Intercept") or R ("(Intercept)") names it. */
    public static boolean isIntercept(String name) {
        return name.equalsIgnoreCase("Intercept") || name.equals("(Intercept)");
    }
}
