package org.atelier.engine.design;

/** The design columns {@code from} (inclusive) to {@code to} (exclusive) that one term's coefficients occupy. */
public record ColumnRange(int from, int to) {
    public ColumnRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a column range: " + from + " to " + to);
        }
    }

    public int width() {
        return to - from;
    }
}
