package org.atelier.engine.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.design.Columns;
import org.atelier.engine.diagnostics.ColumnLevels;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * The rows of a table along one variable: the levels of a factor, or the bands of a continuous variable. {@code
 * grid} holds one value per entry (the level, or the band's rated value) under the variable's column name, so the
 * term's encoder can be run on it; {@code group} is each training row's entry (null without training data), for
 * the exposure of two-way cells; {@code base} is the base entry (-1: none, e.g. a factor coded with every level).
 */
record Axis(String variable, List<RatingRow> entries, Column grid, int[] group, int base) {

    int size() {
        return entries.size();
    }

    /** A factor's levels in the encoder's order, the base level first. */
    static Axis levels(CategoricalEncoder cat, org.atelier.engine.frame.Frame training, double[] exposure) {
        List<String> levels = cat.levels();
        int shift = cat.fullCoding() ? 0 : 1;
        double[] perLevel = new double[levels.size()];
        int[] group = null;
        if (training != null) {
            int[] codes = ((Block.Categorical) cat.encode(training).getFirst()).codes();
            group = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                group[i] = codes[i] + shift;
                perLevel[group[i]] += exposure[i];
            }
        }
        List<RatingRow> entries = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            entries.add(new RatingRow(levels.get(l), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, training == null ? Double.NaN : perLevel[l], l < shift));
        }
        Column grid = new StringColumn(cat.column(), IntStream.range(0, levels.size()).toArray(),
                levels.toArray(String[]::new));
        return new Axis(cat.column(), entries, grid, group, shift - 1);
    }

    /**
     * A continuous variable's bands over its training values: at the chosen {@code breaks} (ascending cut points:
     * below the first, between each pair, from the last on), else the one-way bands (each value when it has at
     * most {@value ColumnLevels#MAX_LEVELS} distinct values, else {@value ColumnLevels#BANDS} equal-exposure bands
     * that never split a value). Each band is rated at the exposure-weighted mean of its values; the base band is
     * the one holding {@code base}, and empty bands are left out.
     */
    static Axis bands(String variable, double[] values, double[] exposure, double[] breaks, double base) {
        int[] group;
        List<String> labels;
        if (breaks == null) {
            ColumnLevels levels = ColumnLevels.of(new NumericColumn(variable, values, false), exposure);
            group = levels.group();
            labels = levels.labels();
        } else {
            group = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                int k = Arrays.binarySearch(breaks, values[i]);
                group[i] = k >= 0 ? k + 1 : -k - 1; // a value on a break starts the band above it
            }
            labels = breakLabels(breaks);
        }
        int k = labels.size();
        double[] low = new double[k];
        double[] high = new double[k];
        double[] weight = new double[k];
        double[] weighted = new double[k];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            int b = group[i];
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            low[b] = Math.min(low[b], v);
            high[b] = Math.max(high[b], v);
            weight[b] += exposure[i];
            weighted[b] += exposure[i] * v;
        }
        int[] kept = new int[k];
        Arrays.fill(kept, -1);
        List<RatingRow> entries = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        int baseEntry = -1;
        for (int b = 0; b < k; b++) {
            if (low[b] > high[b]) {
                continue; // no training value in it
            }
            double rated = low[b] == high[b] ? low[b] : weight[b] > 0 ? weighted[b] / weight[b] : (low[b] + high[b]) / 2;
            if (base >= low[b] && base <= high[b]) {
                baseEntry = entries.size();
            }
            kept[b] = entries.size();
            entries.add(new RatingRow(labels.get(b), low[b], high[b], rated, Double.NaN, Double.NaN, Double.NaN,
                    weight[b], false));
            at.add(rated);
        }
        if (baseEntry < 0 && !entries.isEmpty()) {
            baseEntry = nearest(entries, base);
        }
        if (baseEntry >= 0) {
            RatingRow r = entries.get(baseEntry);
            entries.set(baseEntry, new RatingRow(r.level(), r.from(), r.to(), r.at(), r.relativity(), r.ciLower(),
                    r.ciUpper(), r.exposure(), true));
        }
        int[] entryOf = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            entryOf[i] = kept[group[i]];
        }
        Column grid = new NumericColumn(variable, at.stream().mapToDouble(Double::doubleValue).toArray(), false);
        return new Axis(variable, entries, grid, entryOf, baseEntry);
    }

    private static int nearest(List<RatingRow> entries, double value) {
        int best = 0;
        for (int e = 1; e < entries.size(); e++) {
            if (Math.abs(entries.get(e).at() - value) < Math.abs(entries.get(best).at() - value)) {
                best = e;
            }
        }
        return best;
    }

    /** "< 18", "[18, 25)", ..., "≥ 70" for cut points 18, 25, ..., 70. */
    static List<String> breakLabels(double[] breaks) {
        List<String> labels = new ArrayList<>();
        labels.add("< " + Columns.label(breaks[0]));
        for (int i = 1; i < breaks.length; i++) {
            labels.add("[" + Columns.label(breaks[i - 1]) + ", " + Columns.label(breaks[i]) + ")");
        }
        labels.add("≥ " + Columns.label(breaks[breaks.length - 1]));
        return labels;
    }
}
