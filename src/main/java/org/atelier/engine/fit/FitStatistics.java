package org.atelier.engine.fit;

/**
 * Goodness of fit and bookkeeping of a fitted model. {@code aic}/{@code bic} are NaN where no likelihood exists
 * (quasi families, Tweedie); {@code theta} is NaN except for the negative binomial. {@code tStatistics} says whether
 * the coefficient statistics are t (dispersion estimated) or z values.
 */
public record FitStatistics(boolean converged, int iterations, double deviance, double nullDeviance, double aic,
                            double bic, int dfModel, int dfResid, int nObs, double dispersion, double theta,
                            boolean tStatistics, long fitDurationMs, String backend) {
}
