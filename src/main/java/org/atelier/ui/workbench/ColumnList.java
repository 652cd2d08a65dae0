package org.atelier.ui.workbench;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetInfo;

/**
 * The dataset's columns in file order, each with its dtype badge, distinct count and a no-values warning. A grid,
 * so only the rows in view exist in the browser: one component per column made a 10,000-column file's workbench
 * take half a minute to render.
 */
class ColumnList extends Grid<ColumnProfile> {
    /** Up to this many columns the list is as tall as its rows; beyond it, it scrolls within a fixed height. */
    static final int ALL_ROWS_VISIBLE_UP_TO = 30;

    ColumnList(DatasetInfo dataset) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_NO_ROW_BORDERS);
        addClassName("atelier-column-list");
        addColumn(LitRenderer.<ColumnProfile>of("""
                        <span class="name" title="${item.title}">${item.name}</span>\
                        <span class="atelier-badge warning" ?hidden="${!item.empty}">no values</span>""")
                .withProperty("name", ColumnProfile::name)
                .withProperty("title", ProfileText::describe)
                .withProperty("empty", c -> c.nMissing() == dataset.rowCount()))
                .setHeader("Column").setFlexGrow(1);
        addColumn(c -> String.format("%,d", c.nUnique())).setHeader("Distinct").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0).setTooltipGenerator(c -> "distinct values");
        addColumn(LitRenderer.<ColumnProfile>of("<span class=\"atelier-badge ${item.kind}\">${item.dtype}</span>")
                .withProperty("dtype", ColumnProfile::dtype)
                .withProperty("kind", c -> c.isNumeric() ? "numeric" : "string"))
                .setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        setWidthFull();
        if (dataset.columnCount() <= ALL_ROWS_VISIBLE_UP_TO) {
            setAllRowsVisible(true);
        } else {
            setHeight("min(24rem, 45vh)");
        }
        setItems(dataset.columns());
    }
}
