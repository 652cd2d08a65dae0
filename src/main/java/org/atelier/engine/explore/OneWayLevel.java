package org.atelier.engine.explore;

/**
 * One level (or band) of a one-way table: rows, exposure Σe, actual ΣA (A = w·y), observed rate ΣA/Σe with its 95%
 * interval (normal approximation, see {@link OneWays}), its share of the total exposure, and {@code thin} when
 * that share is under 1%.
 */
public record OneWayLevel(String level, int nObs, double exposure, double actual, double rate, double rateLower,
                          double rateUpper, double share, boolean thin) {
}
