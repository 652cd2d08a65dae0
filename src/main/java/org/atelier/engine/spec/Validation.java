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

    public static Validation random(double fraction, long seed) {
        return new Validation(Method.RANDOM, fraction, seed, null, null);
    }

    public static Validation column(String column, List<String> testValues) {
        return new Validation(Method.COLUMN, null, null, column, testValues);
    }
}
