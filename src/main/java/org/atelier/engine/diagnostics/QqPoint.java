package org.atelier.engine.diagnostics;

/** A normal QQ point: the standard normal quantile and the sampled deviance residual of that rank. */
public record QqPoint(double theoretical, double sample) {
}
