package org.atelier.dataset;

import java.time.Instant;
import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.data.DatasetFormat;

/** What the workbench shows of a dataset: its file, size, column profiles and data warnings. */
public record DatasetInfo(
        String id,
        String projectId,
        String name,
        DatasetFormat format,
        int rowCount,
        int columnCount,
        List<ColumnProfile> columns,
        List<String> warnings,
        Instant uploadedAt) {

    /** "freMTPL2freq.csv · 678K rows", as the header's dataset indicator reads. */
    public String indicator() {
        return name + " · " + compactCount(rowCount) + " rows";
    }

    static String compactCount(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return n < 10_000 ? String.format("%.1fK", n / 1e3) : Math.round(n / 1e3) + "K";
        }
        return String.format("%.1fM", n / 1e6);
    }
}
