package org.atelier.engine.spec;

/** A product interaction of two variables (§5.2 InteractionSpec); each side carries its own term options. */
public record InteractionSpec(TermSpec first, TermSpec second, boolean includeMain, boolean targetEncoding,
                              boolean frequencyEncoding) {

    public static InteractionSpec of(TermSpec first, TermSpec second, boolean includeMain) {
        return new InteractionSpec(first, second, includeMain, false, false);
    }
}
