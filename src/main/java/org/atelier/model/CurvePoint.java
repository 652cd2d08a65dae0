package org.atelier.model;

/** A point of a continuous term's fitted effect exp(f(x)) with its 95% confidence band. */
public record CurvePoint(double x, double relativity, double lower, double upper) {
}
