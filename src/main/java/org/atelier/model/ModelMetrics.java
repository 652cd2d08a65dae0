package org.atelier.model;

/**
 * The summary figures of a fitted model (the metric cards and the history columns). AIC and BIC are null
 * where no likelihood exists (quasi families); theta only for the negative binomial.
 */
public record ModelMetrics(double deviance, double nullDeviance, Double aic, Double bic, int iterations,
                           boolean converged, int nObs, double dfModel, double dfResid, double dispersion,
                           Double theta, long fitDurationMs) {
}
