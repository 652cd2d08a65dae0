package org.atelier.model;

import java.util.List;

/**
 * Which spec options the engine fits today, so the spec panel offers exactly those: the panel grows with
 * the engine instead of offering options that would fail at fit time.
 */
public final class EngineCapabilities {
    /** Term types for a numeric column, in the order the type selector lists them. */
    public static final List<String> NUMERIC_TERM_TYPES = List.of("linear", "categorical", "bs", "ns");
    /** Term types for a text column. */
    public static final List<String> TEXT_TERM_TYPES = List.of("categorical");
    public static final boolean MONOTONICITY = false;
    /** Term types that take a monotonicity constraint, once MONOTONICITY is on. */
    public static final List<String> MONOTONE_TERM_TYPES = List.of("linear", "expression", "bs");
    public static final boolean PENALIZED_SPLINES = false;
    public static final boolean REGULARIZATION = false;
    /** Interactions encoded as one target- or frequency-encoded feature over the combined levels. */
    public static final boolean ENCODED_INTERACTIONS = false;

    private EngineCapabilities() {
    }
}
