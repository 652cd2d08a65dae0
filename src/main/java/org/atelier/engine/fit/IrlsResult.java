package org.atelier.engine.fit;

import java.util.List;

/** The converged state of one IRLS run; {@code gram} is X'WX at the final μ (for the covariance). */
record IrlsResult(double[] beta, double[] eta, double[] mu, double deviance, int iterations, boolean converged,
                  List<IterationTrace> trace, double[] gram) {
}
