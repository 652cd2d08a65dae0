package org.atelier.engine.spec;

/**
 * The spec's closed sets, each value with the word the stored JSON and the generated code use for it. The words
 * are the stored format: renaming a constant is free, changing a word breaks every stored spec.
 */
interface SpecWord {
    /** The word the spec's JSON uses. */
    String id();

    /** The value of {@code type} whose word is {@code id} (case aside), or null when none is. */
    static <E extends Enum<E> & SpecWord> E of(Class<E> type, String id) {
        for (E value : type.getEnumConstants()) {
            if (value.id().equalsIgnoreCase(id)) {
                return value;
            }
        }
        return null;
    }

    /** The words of every value, as a message lists them: "a, b or c". */
    static <E extends Enum<E> & SpecWord> String words(Class<E> type) {
        E[] values = type.getEnumConstants();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(values[i].id());
        }
        return out.toString();
    }
}
