package org.atelier.engine.diagnostics;

/**
 * The drop-one (type III) test of a term: the model refitted without it, its deviance, the increase in deviance
 * over the full model, the coefficients it removes ({@code df}), and the test: {@code "Chisq"} (Δdeviance against
 * χ²_df) for a fixed dispersion, {@code "F"} ((Δdeviance/df)/(D/df_resid) against F_{df, df_resid}, D the full
 * model's deviance, as R's {@code drop1}) for an estimated one.
 */
public record DropOneTest(String term, int df, double deviance, double deltaDeviance, String test, double statistic,
                          double pValue) {
}
