package org.atelier.codegen;

import java.util.List;
import java.util.stream.Collectors;

/** Java source literals that read back to exactly the same values. */
final class JavaLiterals {
    private JavaLiterals() {
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Octal, not a unicode escape: javac translates unicode escapes before lexing, so an escaped
                    // line feed would end the literal. Three digits keep a following digit out of the escape.
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Double.toString is the shortest round-tripping form, and a valid literal (1.0E-8). */
    static String floating(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value);
    }

    static String boxedFloating(Double value) {
        return value == null ? "null" : floating(value);
    }

    static String boxedInteger(Integer value) {
        return value == null ? "null" : Integer.toString(value);
    }

    /** With the L suffix: an int literal does not box to Long. */
    static String boxedLong(Long value) {
        return value == null ? "null" : value + "L";
    }

    static String strings(List<String> values) {
        if (values == null) {
            return "null";
        }
        return values.stream().map(JavaLiterals::string).collect(Collectors.joining(", ", "List.of(", ")"));
    }
}
