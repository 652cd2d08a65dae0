package org.atelier.engine.fit;

import java.util.List;

/**
 * Where one IRLS run ended. {@code workingWeights} are the last iteration's (computed before its step), as R's
 * glm.fit keeps them for summary.glm; what a step kept (e.g. {@link WeightedLeastSquares#information}) is the step's.
 */
record IrlsResult(double[] beta, double[] eta, double[] mu, double deviance, int iterations, boolean converged,
                  List<IterationTrace> trace, double[] workingWeights) {
}
