package org.atelier.engine.frame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable set of equally long, uniquely named columns in file order. */
public final class Frame {
    private final List<Column> columns;
    private final Map<String, Column> byName = new LinkedHashMap<>();
    private final int rowCount;

    public Frame(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.rowCount = columns.isEmpty() ? 0 : columns.getFirst().size();
        for (Column column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException("Column '" + column.name() + "' has " + column.size()
                        + " rows, expected " + rowCount);
            }
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("Duplicate column name: " + column.name());
            }
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The given rows, in the given order (cross-validation folds). */
    public Frame rows(int[] rows) {
        List<Column> out = new java.util.ArrayList<>(columns.size());
        for (Column column : columns) {
            out.add(switch (column) {
                case NumericColumn num -> {
                    double[] v = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        v[i] = num.values()[rows[i]];
                    }
                    yield new NumericColumn(num.name(), v, num.integral());
                }
                case StringColumn text -> {
                    int[] codes = new int[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        codes[i] = text.codes()[rows[i]];
                    }
                    yield new StringColumn(text.name(), codes, text.dictionary());
                }
            });
        }
        return new Frame(out);
    }

    public List<String> columnNames() {
        return List.copyOf(byName.keySet());
    }
}
