package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.design.NormalEquations;

/**
 * The converged state of one IRLS run. {@code information} (X'WX, factored) and {@code workingWeights} are those of
 * the last iteration (computed before its step), as R's glm.fit keeps them for summary.glm.
 */
record IrlsResult(double[] beta, double[] eta, double[] mu, double deviance, int iterations, boolean converged,
                  List<IterationTrace> trace, NormalEquations information, double[] workingWeights) {
}
