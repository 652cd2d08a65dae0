package org.atelier.model;

/** A categorical level's relativity exp(β) with its 95% interval and the exposure behind it; base level = 1. */
public record LevelRelativity(String level, double relativity, double ciLower, double ciUpper, double exposure,
                              boolean base) {
}
