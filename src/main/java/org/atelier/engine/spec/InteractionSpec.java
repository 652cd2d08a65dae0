package org.atelier.engine.spec;

/**
 * An interaction of two variables; each side carries its own term options. With
 * {@code targetEncoding} or {@code frequencyEncoding} the pair enters as one encoded feature over the combined
 * levels ({@code TE(A:B)}, {@code FE(A:B)}) instead of a product; {@code priorWeight} and {@code nPermutations}
 * (null: the defaults 1 and 4) apply to the target encoding only.
 */
public record InteractionSpec(TermSpec first, TermSpec second, boolean includeMain, boolean targetEncoding,
                              boolean frequencyEncoding, Double priorWeight, Integer nPermutations) {

    /** Without target-encoding options (the form generated programs use). */
    public InteractionSpec(TermSpec first, TermSpec second, boolean includeMain, boolean targetEncoding,
                           boolean frequencyEncoding) {
        this(first, second, includeMain, targetEncoding, frequencyEncoding, null, null);
    }

    public static InteractionSpec of(TermSpec first, TermSpec second, boolean includeMain) {
        return new InteractionSpec(first, second, includeMain, false, false);
    }
}
