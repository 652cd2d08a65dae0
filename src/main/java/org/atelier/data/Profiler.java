package org.atelier.data;

import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link DatasetProfile}s. One pass per column over primitive arrays; distinct numbers are counted by
 * sorting a copy of the present values (no boxing), distinct strings by marking used dictionary codes.
 */
public final class Profiler {
    /** A numeric column with this many distinct values or fewer is suggested as categorical (e.g. VehPower). */
    public static final int CATEGORICAL_MAX_LEVELS = 20;
    private static final int SAMPLE_SIZE = 5;

    private Profiler() {
    }

    public static DatasetProfile profile(Frame frame) {
        List<ColumnProfile> columns = new ArrayList<>(frame.columnCount());
        List<String> warnings = new ArrayList<>();
        if (frame.rowCount() == 1) {
            warnings.add("Dataset has a single row: fitting may fail");
        }
        for (Column column : frame.columns()) {
            ColumnProfile profile = switch (column) {
                case NumericColumn numeric -> numeric(numeric);
                case StringColumn text -> text(text);
            };
            if (profile.nMissing() == frame.rowCount() && frame.rowCount() > 0) {
                warnings.add("Column '" + column.name() + "' has no values");
            }
            if (column instanceof NumericColumn numeric) {
                infinities(numeric, warnings);
            } else if (column instanceof StringColumn text) {
                textOfNumbers(text, warnings);
            }
            columns.add(profile);
        }
        return new DatasetProfile(frame.rowCount(), frame.columnCount(), columns, warnings);
    }

    /** Inf/-Inf values (a ratio over zero upstream) are numbers a model cannot use: said with the count and first row. */
    static void infinities(NumericColumn column, List<String> warnings) {
        double[] values = column.values();
        int infinite = 0;
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                infinite++;
                first = first < 0 ? i : first;
            }
        }
        if (infinite > 0) {
            warnings.add(String.format(java.util.Locale.ROOT, "Column '%s' has %,d infinite values (Inf or -Inf; first on"
                    + " data row %,d): a model cannot use them, so a fit with this column is refused until they are"
                    + " replaced or left empty", column.name(), infinite, first + 1));
        }
    }

    /**
     * A text column whose values are all numbers but for integers longer than a double holds exactly (beyond 2^53):
     * kept as text so identifiers keep their digits, and said, since in a measure column it is a data error.
     */
    static void textOfNumbers(StringColumn column, List<String> warnings) {
        NumberText number = new NumberText();
        String big = null;
        int bigCount = 0;
        for (String value : column.dictionary()) {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int kind = bytes.length == 0 ? NumberText.NOT_A_NUMBER : number.parse(bytes, 0, bytes.length);
            if (kind == NumberText.NOT_A_NUMBER) {
                return;
            }
            if (kind == NumberText.BIG_INTEGER) {
                bigCount++;
                big = big == null ? value : big;
            }
        }
        if (big != null) {
            warnings.add(String.format(java.util.Locale.ROOT, "Column '%s' is read as text: its values are numbers, but"
                    + " %,d of them (e.g. %s, %d digits) are integers longer than a number holds exactly. Identifiers"
                    + " keep their digits as text; if the column is a measure, correct those values", column.name(),
                    bigCount, big, big.replaceAll("[^0-9]", "").length()));
        }
    }

    static ColumnProfile numeric(NumericColumn column) {
        double[] values = column.values();
        double[] present = new double[values.length];
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        List<Object> sample = new ArrayList<>(SAMPLE_SIZE);
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            present[n++] = v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            if (sample.size() < SAMPLE_SIZE) {
                sample.add(column.integral() ? (Object) (long) v : (Object) v);
            }
        }
        int unique = distinct(present, n);
        boolean any = n > 0;
        return new ColumnProfile(column.name(), column.integral() ? "Int64" : "Float64", unique,
                values.length - n, any ? min : null, any ? max : null, any ? sum / n : null, true,
                unique <= CATEGORICAL_MAX_LEVELS, sample);
    }

    static ColumnProfile text(StringColumn column) {
        String[] dictionary = column.dictionary();
        boolean[] used = new boolean[dictionary.length];
        int unique = 0;
        int missing = 0;
        List<Object> sample = new ArrayList<>(SAMPLE_SIZE);
        for (int code : column.codes()) {
            if (code < 0) {
                missing++;
            } else {
                if (!used[code]) {
                    used[code] = true;
                    unique++;
                }
                if (sample.size() < SAMPLE_SIZE) {
                    sample.add(dictionary[code]);
                }
            }
        }
        return new ColumnProfile(column.name(), "Utf8", unique, missing, null, null, null, false, true, sample);
    }

    /** Distinct values among {@code values[0, n)}; sorts that prefix in place. -0.0 and 0.0 count as one. */
    private static int distinct(double[] values, int n) {
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            values[i] += 0.0; // -0.0 + 0.0 is 0.0
        }
        Arrays.parallelSort(values, 0, n);
        int unique = 1;
        for (int i = 1; i < n; i++) {
            if (values[i] != values[i - 1]) {
                unique++;
            }
        }
        return unique;
    }
}
