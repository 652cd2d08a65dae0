package org.atelier.data;

import java.nio.charset.StandardCharsets;

/**
 * Recognises and converts numbers straight from the file's bytes, so the CSV reader creates no String per
 * field. The grammar is deliberately strict, because anything it rejects makes the column a text column:
 * {@code [+-]digits}, {@code [+-]digits.digits}, {@code .5}, {@code 5.}, each with an optional exponent
 * ({@code 1e-3}), and {@code Inf}/{@code Infinity} with an optional sign (±∞). Integers beyond 2^53, which a
 * double cannot hold exactly, are {@link #BIG_INTEGER}. Rejected on purpose:
 * <ul>
 * <li>integers with a leading zero ({@code 01}, {@code 007}): such fields are codes (postcodes, départements),
 * and reading them as 1 and 7 would lose the text;</li>
 * <li>hexadecimal and Java's type suffixes, which {@link Double#parseDouble} would accept.</li>
 * </ul>
 */
final class NumberText {
    static final int NOT_A_NUMBER = 0;
    static final int INTEGER = 1;
    static final int DECIMAL = 2;
    /**
     * An integer beyond 2^53 ({@link #value} the nearest double): not a number for the reader, whose column then
     * stays text so long identifiers keep their digits; the profile says when that is why a column is text.
     */
    static final int BIG_INTEGER = 3;

    private static final long MAX_EXACT = 1L << 53;
    /** Powers of ten that are exact doubles: the range where one multiply or divide rounds correctly. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** The value of the last successful {@link #parse}; one parser per thread. */
    double value;

    /** Parses {@code bytes[start, end)} (non-empty) and returns {@link #INTEGER}, {@link #DECIMAL} or {@link #NOT_A_NUMBER}. */
    int parse(byte[] bytes, int start, int end) {
        int p = start;
        boolean negative = false;
        byte first = bytes[p];
        if (first == '-' || first == '+') {
            negative = first == '-';
            p++;
        }
        if (p < end && (bytes[p] == 'I' || bytes[p] == 'i')) {
            if (!infinity(bytes, p, end)) {
                return NOT_A_NUMBER;
            }
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return DECIMAL;
        }
        int intStart = p;
        long mantissa = 0;
        int significant = 0; // digits counted into the mantissa, leading zeros excluded
        while (p < end) {
            int d = bytes[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (mantissa != 0 || d != 0) {
                significant++;
            }
            if (significant <= 18) {
                mantissa = mantissa * 10 + d;
            }
            p++;
        }
        int intDigits = p - intStart;
        if (intDigits > 1 && bytes[intStart] == '0') {
            return NOT_A_NUMBER; // "01": a code, not a number
        }
        if (p == end) {
            if (intDigits == 0) {
                return NOT_A_NUMBER;
            }
            if (significant > 18 || mantissa > MAX_EXACT) {
                value = Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
                return BIG_INTEGER;
            }
            value = negative ? -(double) mantissa : (double) mantissa;
            if (negative && mantissa == 0) {
                value = -0.0;
            }
            return INTEGER;
        }
        int fracDigits = 0;
        int exponent = 0; // decimal exponent to apply to the mantissa
        if (bytes[p] == '.') {
            p++;
            int fracStart = p;
            while (p < end) {
                int d = bytes[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (mantissa != 0 || d != 0) {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + d;
                    exponent--;
                }
                p++;
            }
            fracDigits = p - fracStart;
        }
        if (intDigits + fracDigits == 0) {
            return NOT_A_NUMBER; // ".", "-", "+."
        }
        if (p < end) {
            byte e = bytes[p];
            if (e != 'e' && e != 'E') {
                return NOT_A_NUMBER;
            }
            p++;
            boolean negativeExponent = false;
            if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
                negativeExponent = bytes[p] == '-';
                p++;
            }
            if (p == end) {
                return NOT_A_NUMBER;
            }
            int written = 0;
            while (p < end) {
                int d = bytes[p] - '0';
                if (d < 0 || d > 9) {
                    return NOT_A_NUMBER;
                }
                if (written < 100_000) {
                    written = written * 10 + d;
                }
                p++;
            }
            exponent += negativeExponent ? -written : written;
        }
        if (significant <= 15 && exponent >= -22 && exponent <= 22) {
            // Clinger's fast path: mantissa and 10^|exponent| are exact, so one operation rounds correctly.
            double v = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
            value = negative ? -v : v;
        } else {
            value = Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        }
        return DECIMAL;
    }

    /** Inf, INF, inf, Infinity or infinity (R, pandas and spreadsheets write these) at bytes[p, end). */
    private static boolean infinity(byte[] bytes, int p, int end) {
        String word = new String(bytes, p, end - p, StandardCharsets.ISO_8859_1);
        return word.equals("Inf") || word.equals("INF") || word.equals("inf") || word.equals("Infinity")
                || word.equals("infinity");
    }
}
