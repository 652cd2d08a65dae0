package org.atelier.engine.rating;

import java.util.List;

/**
 * An interaction's relativities: {@code cells.get(r).get(c)} for the r-th level or band of the first side (rows)
 * and the c-th of the second (columns), each cell labelled {@code row:column}. The axes carry each side's labels,
 * band limits and rated values; their relativities are not used (a cell is the interaction's own factor, on top
 * of the main effects).
 */
public record TwoWayTable(String rowVariable, String columnVariable, List<RatingRow> rowAxis,
                          List<RatingRow> columnAxis, List<List<RatingRow>> cells) {
    public TwoWayTable {
        rowAxis = List.copyOf(rowAxis);
        columnAxis = List.copyOf(columnAxis);
        cells = cells.stream().map(List::copyOf).toList();
    }

    /** The cells row after row, as the stacked layout lists them. */
    public List<RatingRow> flat() {
        return cells.stream().flatMap(List::stream).toList();
    }
}
