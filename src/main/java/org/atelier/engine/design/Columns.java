package org.atelier.engine.design;

import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/** Column look-ups with the one-line errors the UI shows. */
public final class Columns {
    private Columns() {
    }

    public static Column require(Frame frame, String name) {
        return frame.column(name).orElseThrow(() -> new DesignMatrixError("Unknown column '" + name
                + "': not in the dataset (columns: " + preview(frame) + ")"));
    }

    public static double[] numeric(Frame frame, String name) {
        Column column = require(frame, name);
        if (column instanceof NumericColumn numeric) {
            return numeric.values();
        }
        throw new DesignMatrixError("Column '" + name + "' is text, not numeric: use it as a categorical term");
    }

    /** The label R's {@code factor} would give a number: whole numbers without a decimal point. */
    public static String label(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String preview(Frame frame) {
        var names = frame.columnNames();
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), 12)));
        return names.size() > 12 ? shown + ", ..." : shown;
    }

    static boolean isText(Column column) {
        return column instanceof StringColumn;
    }
}
