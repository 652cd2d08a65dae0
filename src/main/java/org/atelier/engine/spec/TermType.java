package org.atelier.engine.spec;

import java.util.Arrays;
import java.util.List;

/** How a term enters the design. */
public enum TermType implements SpecWord {
    LINEAR("linear"), CATEGORICAL("categorical"), BS("bs"), NS("ns"), EXPRESSION("expression"),
    TARGET_ENCODING("target_encoding"), FREQUENCY_ENCODING("frequency_encoding");

    private final String id;

    TermType(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The JSON word, so a message that names the value reads as the spec does. */
    @Override
    public String toString() {
        return id;
    }

    /** The type whose word is {@code id}, or null when none is. */
    public static TermType of(String id) {
        return SpecWord.of(TermType.class, id);
    }

    /** Every word, as a message lists them. */
    public static String words() {
        return SpecWord.words(TermType.class);
    }

    /** A B-spline or natural spline: df columns, or a penalized smooth of k basis columns without df. */
    public boolean isSpline() {
        return this == BS || this == NS;
    }

    /** One encoded feature learned from the levels (target or frequency encoding): it cannot enter a product. */
    public boolean isEncoded() {
        return this == TARGET_ENCODING || this == FREQUENCY_ENCODING;
    }

    /** Whose effect the engine can constrain to be monotone. */
    public boolean takesMonotonicity() {
        return this == LINEAR || this == EXPRESSION || this == BS;
    }

    /** Which a text column can be: the types that read a column's levels, not its values. */
    public boolean takesText() {
        return this == CATEGORICAL || isEncoded();
    }

    /** The types a column can be made, in the order a type selector lists them (an expression has no column). */
    public static List<TermType> forColumn(boolean numeric) {
        return Arrays.stream(values()).filter(t -> t != EXPRESSION && (numeric || t.takesText())).toList();
    }
}
