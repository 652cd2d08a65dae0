package org.atelier.ui.results;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import org.atelier.model.LevelRelativity;

/**
 * The table under a relativity chart: level (or a curve's x value), relativity, its 95% interval and the exposure
 * behind it; the base level (or base value) is marked and has no interval.
 */
class RelativityTable extends Grid<LevelRelativity> {

    RelativityTable(String id) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addClassName("atelier-dense");
        setAllRowsVisible(true);
        addColumn(RelativityCharts::levelLabel).setHeader("Level").setKey("level").setFlexGrow(2);
        addColumn(r -> Formats.relativity(r.relativity())).setHeader("Relativity").setKey("relativity")
                .setTextAlign(ColumnTextAlign.END).setComparator(LevelRelativity::relativity);
        // the base level's interval is [1, 1] by construction: a dash says "no uncertainty by definition"
        addColumn(r -> r.base() ? Formats.UNDEFINED : Formats.interval(r.ciLower(), r.ciUpper()))
                .setHeader("95% CI").setKey("ci").setTextAlign(ColumnTextAlign.END);
        addColumn(r -> Formats.exposure(r.exposure()))
                .setHeader("Exposure").setKey("exposure").setTextAlign(ColumnTextAlign.END)
                .setComparator(LevelRelativity::exposure);
        setPartNameGenerator(r -> r.base() ? "atelier-base-row" : null);
    }

    /** The rows under their first column's heading: "Level", or the variable of a curve (x values). */
    void show(List<LevelRelativity> levels, String heading) {
        getColumnByKey("level").setHeader(heading);
        // a curve's points have no exposure of their own: no column of dashes
        getColumnByKey("exposure").setVisible(levels.stream().anyMatch(r -> !Double.isNaN(r.exposure())));
        setItems(levels);
    }
}
