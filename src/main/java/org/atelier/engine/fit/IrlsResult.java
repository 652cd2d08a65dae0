package org.atelier.engine.fit;

import java.util.List;

/**
 * The converged state of one IRLS run. {@code gram} and {@code workingWeights} are those of the last iteration
 * (computed before its step), as R's glm.fit keeps them for summary.glm.
 */
record IrlsResult(double[] beta, double[] eta, double[] mu, double deviance, int iterations, boolean converged,
                  List<IterationTrace> trace, double[] gram, double[] workingWeights) {
}
