package org.atelier.model;

/**
 * One level of a target- or frequency-encoded factor: the value the model sees for it (TE: shrunk claims per unit
 * of exposure; FE: share of rows), the relativity exp(β·value) with its 95% interval, and the exposure behind it.
 */
public record EncodedLevelRelativity(String level, double encodedValue, double relativity, double ciLower,
                                     double ciUpper, double exposure) {
}
