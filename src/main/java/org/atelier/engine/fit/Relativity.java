package org.atelier.engine.fit;

/** exp(β) of a log-link model with its 95% interval exp(β ± 1.96 se): the multiplicative effect of a feature. */
public record Relativity(String feature, String factorName, double relativity, double ciLower, double ciUpper) {
}
