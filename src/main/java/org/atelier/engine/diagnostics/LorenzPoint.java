package org.atelier.engine.diagnostics;

/** A point of the Lorenz curve: the share of exposure and of actual among the rows of highest predicted rate. */
public record LorenzPoint(double exposureShare, double actualShare) {
}
