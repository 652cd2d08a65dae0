package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.frame.Column;

/**
 * A/E by factor: the column's rows summed per level or band of {@link ColumnLevels} (the grouping the one-way
 * analysis shares).
 */
final class FactorTables {
    private FactorTables() {
    }

    static FactorAe of(Column column, RowMeasures rows, double[] dev, double[] pearson) {
        ColumnLevels levels = ColumnLevels.of(column, rows.e);
        Sums sums = new Sums(levels.size());
        sums.add(rows, dev, pearson, levels.group(), null);
        List<FactorLevel> out = new ArrayList<>(levels.size());
        for (int g = 0; g < levels.size(); g++) {
            out.add(sums.level(g, levels.labels().get(g)));
        }
        return new FactorAe(column.name(), levels.banded(), out);
    }
}
