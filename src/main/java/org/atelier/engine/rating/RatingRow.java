package org.atelier.engine.rating;

/**
 * One row of a rating table: a level, a band of a continuous variable, or a cell of a two-way table. A band holds
 * the training values {@code from}..{@code to} (both seen, inclusive) and is rated at {@code at}, the exposure-
 * weighted mean of its values (NaN for levels; for an encoded level, the value the model sees for it). The 95%
 * interval is pointwise. {@code exposure} is NaN when the table was built without the training data.
 */
public record RatingRow(String level, double from, double to, double at, double relativity, double ciLower,
                        double ciUpper, double exposure, boolean base) {

    static RatingRow level(String level, double[] effect, boolean multiplicative, double exposure, boolean base) {
        return of(level, Double.NaN, Double.NaN, Double.NaN, effect, multiplicative, exposure, base);
    }

    /** From f and its standard error on the link scale: exp(f) with exp(f ± 1.96 se) for a log link, else f ± 1.96 se. */
    static RatingRow of(String level, double from, double to, double at, double[] effect, boolean multiplicative,
                        double exposure, boolean base) {
        double half = org.atelier.engine.inference.Distributions.Z_975 * effect[1];
        double f = effect[0];
        return multiplicative
                ? new RatingRow(level, from, to, at, Math.exp(f), Math.exp(f - half), Math.exp(f + half), exposure, base)
                : new RatingRow(level, from, to, at, f, f - half, f + half, exposure, base);
    }

    public boolean banded() {
        return !Double.isNaN(from);
    }
}
