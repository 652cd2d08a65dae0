package org.atelier.data;

import java.util.List;

/** A data set's shape, its column profiles in file order, and warnings worth showing before fitting. */
public record DatasetProfile(int nRows, int nCols, List<ColumnProfile> columns, List<String> warnings) {
    public DatasetProfile {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }
}
