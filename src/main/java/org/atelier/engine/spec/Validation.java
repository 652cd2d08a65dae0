package org.atelier.engine.spec;

import java.util.List;

/**
 * The spec's hold-out: which rows the model is fitted on (training) and which are kept back to judge it (test).
 * {@link Method#RANDOM} puts each row in the test part with probability {@code fraction}, decided by the row's
 * position and {@code seed} alone (so a row's part never depends on the others, and the generated Python script can
 * draw the same split); {@link Method#COLUMN} puts the rows whose {@code column} value is one of {@code testValues}
 * in the test part. Fields that do not apply to the method are null.
 */
public record Validation(Method method, Double fraction, Long seed, String column, List<String> testValues) {

    /** How the rows are split. */
    public enum Method {
        RANDOM("random"), COLUMN("column");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        /** The spec's name for the method. */
        public String id() {
            return id;
        }

        /** The method named {@code id}, or null when none is. */
        public static Method of(String id) {
            for (Method m : values()) {
                if (m.id.equalsIgnoreCase(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    public Validation {
        testValues = testValues == null ? null : List.copyOf(testValues);
    }

    /** Why the hold-out cannot split any data (no method, a fraction outside (0, 1), no column or test values), or null. */
    public String problem() {
        if (method == null) {
            return "Validation needs a method: \"random\" or \"column\"";
        }
        return switch (method) {
            case RANDOM -> fraction == null || !(fraction > 0 && fraction < 1)
                    ? "Validation fraction must be strictly between 0 and 1, got " + fraction : null;
            case COLUMN -> column == null || column.isBlank() ? "Validation by column needs a column"
                    : testValues == null || testValues.isEmpty()
                    ? "Validation by column '" + column + "' needs at least one test value" : null;
        };
    }

    public static Validation random(double fraction, long seed) {
        return new Validation(Method.RANDOM, fraction, seed, null, null);
    }

    public static Validation column(String column, List<String> testValues) {
        return new Validation(Method.COLUMN, null, null, column, testValues);
    }
}
