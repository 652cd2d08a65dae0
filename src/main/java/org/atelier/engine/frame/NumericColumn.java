package org.atelier.engine.frame;

/**
 * A numeric column. Missing values are NaN. {@code integral} records that every present value was written
 * as a whole number (dtype Int64), so a categorical use of it labels levels "1", not "1.0".
 */
public record NumericColumn(String name, double[] values, boolean integral) implements Column {
    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }
}
