package org.atelier.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * Builds {@link DatasetProfile}s. One pass per column over primitive arrays; distinct whole numbers within a
 * range of {@link #BITSET_RANGE} are counted by marking bits, other distinct numbers by sorting a copy of the
 * present values (no boxing) in one scratch array shared by the columns, distinct strings by marking used
 * dictionary codes. So profiling a 10-million-row upload allocates one column's worth, not a copy per column.
 */
public final class Profiler {
    /** A numeric column with this many distinct values or fewer is suggested as categorical (e.g. VehPower). */
    public static final int CATEGORICAL_MAX_LEVELS = 20;
    private static final int SAMPLE_SIZE = 5;
    /** Whole numbers spanning fewer values than this are counted in a bit set (8 MB at most). */
    private static final double BITSET_RANGE = 1 << 26;

    private Profiler() {
    }

    public static DatasetProfile profile(Frame frame) {
        List<ColumnProfile> columns = new ArrayList<>(frame.columnCount());
        List<String> warnings = new ArrayList<>();
        if (frame.rowCount() == 1) {
            warnings.add("Dataset has a single row: fitting may fail");
        }
        double[][] scratch = new double[1][]; // allocated by the first column that needs to sort
        for (Column column : frame.columns()) {
            ColumnProfile profile = switch (column) {
                case NumericColumn numeric -> numeric(numeric, scratch);
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
        return numeric(column, new double[1][]);
    }

    private static ColumnProfile numeric(NumericColumn column, double[][] scratch) {
        double[] values = column.values();
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        List<Object> sample = new ArrayList<>(SAMPLE_SIZE);
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            if (sample.size() < SAMPLE_SIZE) {
                sample.add(column.integral() ? (Object) (long) v : (Object) v);
            }
        }
        int unique = n == 0 ? 0 : column.integral() && max - min < BITSET_RANGE ? distinctWhole(values, min, max)
                : distinct(values, n, scratch);
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

    /** Distinct present values of whole numbers within [min, max]: a bit per value of the range. */
    private static int distinctWhole(double[] values, double min, double max) {
        long[] seen = new long[(int) ((long) (max - min) / 64 + 1)];
        int unique = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                long offset = (long) (v - min);
                long bit = 1L << offset;
                int word = (int) (offset >>> 6);
                if ((seen[word] & bit) == 0) {
                    seen[word] |= bit;
                    unique++;
                }
            }
        }
        return unique;
    }

    /**
     * Distinct present values (n of them): sorts a copy in {@code scratch[0]}, made once for all the columns of a
     * profile. A sequential sort, as the parallel one would allocate a second copy. -0.0 and 0.0 count as one.
     */
    private static int distinct(double[] values, int n, double[][] scratch) {
        if (scratch[0] == null || scratch[0].length < n) {
            scratch[0] = new double[values.length];
        }
        double[] present = scratch[0];
        int k = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                present[k++] = v + 0.0; // -0.0 + 0.0 is 0.0
            }
        }
        Arrays.sort(present, 0, n);
        int unique = 1;
        for (int i = 1; i < n; i++) {
            if (present[i] != present[i - 1]) {
                unique++;
            }
        }
        return unique;
    }
}
