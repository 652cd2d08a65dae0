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

    public List<String> columnNames() {
        return List.copyOf(byName.keySet());
    }
}
