package org.atelier.engine.rating;

import java.util.List;
import org.atelier.engine.spec.TermType;

/**
 * One term's rating table. {@code rows} lists levels or bands (for {@link TableKind#TWO_WAY}, the cells row after
 * row, with {@code twoWay} holding them as a grid). {@code variable} is what the rows are levels or bands of (the
 * column, an expression's value, or {@code A:B}); {@code baseValue} is the value a banded table is relative to
 * (the rated value of its base band), NaN for the other kinds. {@code termType} is the term's type in the spec,
 * null for an interaction (a {@link TableKind#TWO_WAY} table), which has none. {@code note} says how to read the
 * table.
 */
public record RatingTable(String factor, TermType termType, TableKind kind, String variable, double baseValue,
                          List<RatingRow> rows, TwoWayTable twoWay, String note) {
    public RatingTable {
        rows = List.copyOf(rows);
    }

    public RatingRow row(String level) {
        return rows.stream().filter(r -> r.level().equals(level)).findFirst().orElseThrow(() ->
                new IllegalArgumentException(factor + " has no level '" + level + "'"));
    }
}
