package org.atelier.engine.fit;

/**
 * One IRLS iteration as the UI streams it: the deviance reached, how many times the step was halved to get there,
 * and the convergence criterion |Δdev| / (|dev| + 0.1).
 */
public record IterationTrace(int iteration, double deviance, int stepHalvings, double relativeChange) {
}
