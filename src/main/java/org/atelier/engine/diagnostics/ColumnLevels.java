package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.atelier.engine.design.Columns;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * The groups a column's rows are summed in, wherever figures are shown "by level" (A/E by factor, the one-way
 * analysis before a fit): per level for text columns and numeric columns with at most {@link #MAX_LEVELS} distinct
 * values (labelled as written, text sorted by label, numbers ascending), else {@link #BANDS} equal-exposure bands by
 * value (the bucket rule over the distinct values ascending, so ties are never split), labelled "low – high".
 * Missing values form their own level, last. Only groups that hold rows are listed; {@code group[row]} indexes
 * {@code labels}.
 */
public record ColumnLevels(String column, boolean banded, List<String> labels, int[] group) {
    public static final int MAX_LEVELS = 20;
    public static final int BANDS = 10;
    public static final String MISSING = "(missing)";

    public ColumnLevels {
        labels = List.copyOf(labels);
    }

    /** The column's groups, bands cut by {@code exposure} (e = w·t per row). */
    public static ColumnLevels of(Column column, double[] exposure) {
        return switch (column) {
            case StringColumn text -> text(text);
            case NumericColumn num -> numeric(num, exposure);
        };
    }

    public int size() {
        return labels.size();
    }

    private static ColumnLevels text(StringColumn column) {
        String[] dictionary = column.dictionary();
        int missing = dictionary.length;
        int[] count = new int[dictionary.length + 1];
        for (int code : column.codes()) {
            count[code < 0 ? missing : code]++;
        }
        Integer[] codes = new Integer[dictionary.length];
        for (int c = 0; c < codes.length; c++) {
            codes[c] = c;
        }
        Arrays.sort(codes, Comparator.comparing(c -> dictionary[c]));
        int[] target = new int[dictionary.length + 1];
        List<String> labels = new ArrayList<>();
        for (int c : codes) {
            if (count[c] > 0) {
                target[c] = labels.size();
                labels.add(dictionary[c]);
            }
        }
        if (count[missing] > 0) {
            target[missing] = labels.size();
            labels.add(MISSING);
        }
        int[] group = new int[column.size()];
        for (int i = 0; i < group.length; i++) {
            int code = column.codes()[i];
            group[i] = target[code < 0 ? missing : code];
        }
        return new ColumnLevels(column.name(), false, labels, group);
    }

    private static ColumnLevels numeric(NumericColumn column, double[] exposure) {
        double[] values = column.values();
        Grouping grouping = Grouping.of(values);
        double[] distinct = grouping.distinct();
        int d = distinct.length;
        int[] byValue = grouping.group();
        double[] valueExposure = new double[d + 1];
        boolean anyMissing = false;
        for (int i = 0; i < values.length; i++) {
            valueExposure[byValue[i]] += exposure[i];
            anyMissing |= byValue[i] == d;
        }
        boolean banded = d > MAX_LEVELS;
        int[] target = new int[d + 1];
        List<String> labels = new ArrayList<>();
        if (!banded) {
            for (int v = 0; v < d; v++) {
                target[v] = v;
                labels.add(Columns.label(distinct[v]));
            }
        } else {
            int[] band = Buckets.assignInOrder(Arrays.copyOf(valueExposure, d), BANDS);
            // bands are numbered 1..BANDS and visited ascending, so a band starts where the previous one ends
            int v = 0;
            while (v < d) {
                int end = v;
                while (end + 1 < d && band[end + 1] == band[v]) {
                    end++;
                }
                for (int u = v; u <= end; u++) {
                    target[u] = labels.size();
                }
                labels.add(rangeLabel(distinct[v], distinct[end]));
                v = end + 1;
            }
        }
        if (anyMissing) {
            target[d] = labels.size();
            labels.add(MISSING);
        }
        int[] group = new int[values.length];
        for (int i = 0; i < group.length; i++) {
            group[i] = target[byValue[i]];
        }
        return new ColumnLevels(column.name(), banded, labels, group);
    }

    /**
     * A numeric column's distinct present values ascending and each row's index among them ({@code distinct.length}
     * for a missing value). Whole numbers within a range of {@link #DIRECT_RANGE} are indexed directly by value (one
     * pass, the common case: ages, counts, densities); other columns through the radix order.
     */
    public record Grouping(double[] distinct, int[] group) {
        static final int DIRECT_RANGE = 1 << 16;

        public static Grouping of(double[] values) {
            int n = values.length;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean whole = true;
            for (double v : values) {
                if (Double.isNaN(v)) continue;
                min = Math.min(min, v);
                max = Math.max(max, v);
                whole &= v == Math.rint(v);
            }
            int[] group = new int[n];
            if (whole && max - min < DIRECT_RANGE) {
                int range = min > max ? 0 : (int) (max - min) + 1;
                int[] index = new int[range];
                for (double v : values) {
                    if (!Double.isNaN(v)) index[(int) (v - min)] = 1;
                }
                int d = 0;
                for (int s = 0; s < range; s++) {
                    index[s] = index[s] == 0 ? -1 : d++;
                }
                double[] distinct = new double[d];
                for (int s = 0; s < range; s++) {
                    if (index[s] >= 0) distinct[index[s]] = min + s;
                }
                for (int i = 0; i < n; i++) {
                    group[i] = Double.isNaN(values[i]) ? d : index[(int) (values[i] - min)];
                }
                return new Grouping(distinct, group);
            }
            RankOrder order = RankOrder.of(values);
            int runs = order.distinctCount();
            int present = runs > 0 && Double.isNaN(order.distinct[runs - 1]) ? runs - 1 : runs; // NaN sorts last
            for (int r = 0; r < runs; r++) {
                for (int j = order.runStart[r]; j < order.runStart[r + 1]; j++) {
                    group[order.ascending[j]] = r < present ? r : present;
                }
            }
            return new Grouping(Arrays.copyOf(order.distinct, present), group);
        }
    }

    /** "low – high", or the single value of a band that holds one. */
    static String rangeLabel(double low, double high) {
        return low == high ? Columns.label(low) : Columns.label(low) + " – " + Columns.label(high);
    }
}
