package org.atelier.model;

/** One IRLS iteration as the progress display and the stored trace see it. */
public record IterationPoint(int iteration, double deviance, int stepHalvings) {
}
