package org.atelier.engine.diagnostics;

import java.util.List;

/**
 * A/E by level of one column, in the model or not. {@code banded}: a numeric column with more than 20 values,
 * shown as 10 equal-exposure bands by value (ties never split), each labelled by its range.
 */
public record FactorAe(String column, boolean banded, List<FactorLevel> levels) {
    public FactorAe {
        levels = List.copyOf(levels);
    }
}
