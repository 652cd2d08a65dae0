package org.atelier.model;

import java.util.List;

/**
 * Which spec options the engine fits today, so the spec panel offers exactly those: the panel grows with
 * the engine instead of offering options that would fail at fit time.
 */
public final class EngineCapabilities {
    /** Term types for a numeric column, in the order the type selector lists them. */
    public static final List<String> NUMERIC_TERM_TYPES = List.of("linear", "categorical", "bs", "ns", "target_encoding",
            "frequency_encoding");
    /** Term types for a text column. */
    public static final List<String> TEXT_TERM_TYPES = List.of("categorical", "target_encoding", "frequency_encoding");
    /** Interactions may be target- or frequency-encoded over the combined levels ({@code TE(A:B)}, {@code FE(A:B)}). */
    public static final boolean ENCODED_INTERACTIONS = true;
    public static final boolean MONOTONICITY = true;
    /** Term types that accept monotonicity (increasing/decreasing); a bs must then have df, not k. */
    public static final List<String> MONOTONE_TERM_TYPES = List.of("linear", "expression", "bs");
    public static final boolean PENALIZED_SPLINES = true;
    public static final boolean REGULARIZATION = true;

    private EngineCapabilities() {
    }
}
