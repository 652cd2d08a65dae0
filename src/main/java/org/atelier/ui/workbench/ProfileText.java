package org.atelier.ui.workbench;

import java.util.stream.Collectors;
import org.atelier.data.ColumnProfile;

/** Human-readable figures of a column profile, shared by the column list's tooltips and the profile grid. */
final class ProfileText {
    private ProfileText() {
    }

    static String number(Double value) {
        if (value == null) {
            return "";
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", (long) v);
        }
        return Math.abs(v) >= 1000 ? String.format("%,.1f", v) : String.format("%.4g", v);
    }

    static String samples(ColumnProfile column) {
        return column.sampleValues().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String describe(ColumnProfile c) {
        StringBuilder text = new StringBuilder(c.name()).append(" (").append(c.dtype()).append(")\n")
                .append(String.format("%,d distinct, %,d missing", c.nUnique(), c.nMissing()));
        if (c.isNumeric()) {
            text.append("\nmin ").append(number(c.min())).append(", mean ").append(number(c.mean()))
                    .append(", max ").append(number(c.max()));
        }
        return text.append("\ne.g. ").append(samples(c)).toString();
    }
}
