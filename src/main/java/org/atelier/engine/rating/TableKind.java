package org.atelier.engine.rating;

/** How a term's rating table is laid out. */
public enum TableKind {
    /** A categorical factor: one row per level, the base level at 1. */
    LEVELS,
    /** A continuous term (linear, expression, spline): one row per band of its variable, the base band at 1. */
    BANDS,
    /** A target- or frequency-encoded factor: one row per level with the value the model sees for it. */
    ENCODED,
    /** An interaction: one cell per pair of levels or bands of its two sides. */
    TWO_WAY
}
