package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * The level of every row for one column or a pair of columns ({@code "B12:R24"}), as a code into a list of labels
 * in order of first appearance: one dictionary pass per column instead of a string per row.
 */
record LevelKeys(int[] codes, List<String> labels) {

    static LevelKeys of(Frame frame, List<String> columns) {
        LevelKeys first = single(Columns.require(frame, columns.getFirst()));
        if (columns.size() == 1) {
            return first;
        }
        LevelKeys second = single(Columns.require(frame, columns.get(1)));
        int n = first.codes.length;
        int[] codes = new int[n];
        Map<Long, Integer> combined = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long key = (long) first.codes[i] * second.labels.size() + second.codes[i];
            Integer code = combined.get(key);
            if (code == null) {
                code = labels.size();
                combined.put(key, code);
                labels.add(first.labels.get(first.codes[i]) + ":" + second.labels.get(second.codes[i]));
            }
            codes[i] = code;
        }
        return new LevelKeys(codes, labels);
    }

    private static LevelKeys single(Column column) {
        return switch (column) {
            case StringColumn text -> {
                for (int c : text.codes()) {
                    if (c < 0) {
                        throw new org.atelier.engine.error.DesignMatrixError("Column '" + column.name() + "' has missing values");
                    }
                }
                yield new LevelKeys(text.codes(), List.of(text.dictionary()));
            }
            case NumericColumn numeric -> {
                double[] values = numeric.values();
                int[] codes = new int[values.length];
                Map<Double, Integer> seen = new HashMap<>();
                List<String> labels = new ArrayList<>();
                for (int i = 0; i < values.length; i++) {
                    if (Double.isNaN(values[i])) {
                        throw new org.atelier.engine.error.DesignMatrixError("Column '" + column.name() + "' has missing values");
                    }
                    Integer code = seen.get(values[i]);
                    if (code == null) {
                        code = labels.size();
                        seen.put(values[i], code);
                        labels.add(Columns.label(values[i]));
                    }
                    codes[i] = code;
                }
                yield new LevelKeys(codes, labels);
            }
        };
    }

    /** Maps each row to its index in {@code levels}, -1 for a level not in the list. */
    int[] indexIn(List<String> levels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int[] byLabel = new int[labels.size()];
        for (int l = 0; l < byLabel.length; l++) {
            byLabel[l] = index.getOrDefault(labels.get(l), -1);
        }
        int[] out = new int[codes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = byLabel[codes[i]];
        }
        return out;
    }
}
