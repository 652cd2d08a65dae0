package org.atelier.report;

/** One line of a model's spec in words: "Family" / "Poisson". */
public record SpecLine(String label, String text) {
}
