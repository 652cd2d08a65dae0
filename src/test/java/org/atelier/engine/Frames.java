package org.atelier.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/** Small frames for tests. */
public final class Frames {
    private final List<Column> columns = new ArrayList<>();

    public static Frames builder() {
        return new Frames();
    }

    public Frames numeric(String name, double... values) {
        boolean integral = true;
        for (double v : values) {
            integral &= Double.isNaN(v) || v == Math.rint(v);
        }
        columns.add(new NumericColumn(name, values, integral));
        return this;
    }

    public Frames text(String name, String... values) {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = values[i] == null ? -1 : dictionary.computeIfAbsent(values[i], k -> dictionary.size());
        }
        columns.add(new StringColumn(name, codes, dictionary.keySet().toArray(String[]::new)));
        return this;
    }

    public Frame build() {
        return new Frame(columns);
    }

    /** A frame with one column replaced or added. */
    public static Frame with(Frame frame, Column column) {
        List<Column> out = new ArrayList<>();
        boolean replaced = false;
        for (Column c : frame.columns()) {
            if (c.name().equals(column.name())) {
                out.add(column);
                replaced = true;
            } else {
                out.add(c);
            }
        }
        if (!replaced) {
            out.add(column);
        }
        return new Frame(out);
    }

    public static double[] numbers(Frame frame, String name) {
        return ((NumericColumn) frame.column(name).orElseThrow()).values();
    }
}
