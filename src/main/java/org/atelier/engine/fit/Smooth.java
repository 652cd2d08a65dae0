package org.atelier.engine.fit;

/**
 * A penalized smooth of a fitted model: its term, basis size k, the smoothing parameter λ chosen by GCV (on the
 * scale of the penalized deviance dev + λ β'Sβ) and its effective degrees of freedom (the trace of its block of
 * the influence matrix; between 1, a straight line, and k).
 */
public record Smooth(String term, int k, double lambda, double edf) {
}
