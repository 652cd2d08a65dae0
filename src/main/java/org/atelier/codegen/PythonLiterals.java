package org.atelier.codegen;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Python source literals as {@code repr} would write them, except that strings always use double quotes. */
final class PythonLiterals {
    private PythonLiterals() {
    }

    static String string(String value) {
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
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String bool(boolean value) {
        return value ? "True" : "False";
    }

    static String integer(long value) {
        return Long.toString(value);
    }

    static String strings(List<String> values) {
        return values.stream().map(PythonLiterals::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that round-trip, positional notation when the decimal
     * exponent lies in [-4, 16), scientific with a two-digit exponent otherwise ({@code 1.0}, {@code 0.0001},
     * {@code 1e-08}, {@code 1e+16}).
     */
    static String floating(double value) {
        if (Double.isNaN(value)) {
            return "float(\"nan\")";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        // Double.toString gives the shortest round-tripping digits (JDK 19+); BigDecimal splits them from the exponent.
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int point = digits.length() - exact.scale(); // value = 0.digits × 10^point
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                return sign + "0." + "0".repeat(-point) + digits;
            }
            if (point >= digits.length()) {
                return sign + digits + "0".repeat(point - digits.length()) + ".0";
            }
            return sign + digits.substring(0, point) + "." + digits.substring(point);
        }
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
