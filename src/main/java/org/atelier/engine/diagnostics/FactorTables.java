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
 * A/E by factor: per level for text columns and numeric columns with at most {@link #MAX_LEVELS} distinct values
 * (labelled as written), else {@link #BANDS} equal-exposure bands by value (the bucket rule over the distinct values
 * ascending, so ties are never split), labelled "low – high". Missing values form their own level.
 */
final class FactorTables {
    static final int MAX_LEVELS = 20;
    static final int BANDS = 10;
    static final String MISSING = "(missing)";

    private FactorTables() {
    }

    static FactorAe of(Column column, RowMeasures rows, double[] dev, double[] pearson) {
        return switch (column) {
            case StringColumn text -> text(text, rows, dev, pearson);
            case NumericColumn num -> numeric(num, rows, dev, pearson);
        };
    }

    private static FactorAe text(StringColumn column, RowMeasures rows, double[] dev, double[] pearson) {
        String[] dictionary = column.dictionary();
        int missing = dictionary.length;
        int[] group = new int[rows.n];
        for (int i = 0; i < rows.n; i++) {
            int code = column.codes()[i];
            group[i] = code < 0 ? missing : code;
        }
        Sums sums = new Sums(dictionary.length + 1);
        sums.add(rows, dev, pearson, group, null);
        Integer[] codes = new Integer[dictionary.length];
        for (int c = 0; c < codes.length; c++) {
            codes[c] = c;
        }
        Arrays.sort(codes, Comparator.comparing(c -> dictionary[c]));
        List<FactorLevel> levels = new ArrayList<>();
        for (int c : codes) {
            if (sums.n[c] > 0) levels.add(sums.level(c, dictionary[c]));
        }
        if (sums.n[missing] > 0) levels.add(sums.level(missing, MISSING));
        return new FactorAe(column.name(), false, levels);
    }

    private static FactorAe numeric(NumericColumn column, RowMeasures rows, double[] dev, double[] pearson) {
        Grouping grouping = Grouping.of(column.values());
        double[] distinct = grouping.distinct;
        int d = distinct.length;
        Sums byValue = new Sums(d + 1);
        byValue.add(rows, dev, pearson, grouping.group, null);
        List<FactorLevel> levels = new ArrayList<>();
        boolean banded = d > MAX_LEVELS;
        if (!banded) {
            for (int v = 0; v < d; v++) {
                levels.add(byValue.level(v, Columns.label(distinct[v])));
            }
        } else {
            int[] band = Buckets.assignInOrder(Arrays.copyOf(byValue.exposure, d), BANDS);
            Sums bands = new Sums(BANDS);
            double[] low = new double[BANDS];
            double[] high = new double[BANDS];
            Arrays.fill(low, Double.NaN);
            for (int v = 0; v < d; v++) {
                int b = band[v] - 1;
                bands.merge(byValue, v, b);
                if (Double.isNaN(low[b])) low[b] = distinct[v];
                high[b] = distinct[v];
            }
            for (int b = 0; b < BANDS; b++) {
                if (bands.n[b] > 0) levels.add(bands.level(b, rangeLabel(low[b], high[b])));
            }
        }
        if (byValue.n[d] > 0) levels.add(byValue.level(d, MISSING));
        return new FactorAe(column.name(), banded, levels);
    }

    /**
     * A numeric column's distinct present values ascending and each row's index among them ({@code distinct.length}
     * for a missing value). Whole numbers within a range of {@link #DIRECT_RANGE} are indexed directly by value (one
     * pass, the common case: ages, counts, densities); other columns through the radix order.
     */
    record Grouping(double[] distinct, int[] group) {
        static final int DIRECT_RANGE = 1 << 16;

        static Grouping of(double[] values) {
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
