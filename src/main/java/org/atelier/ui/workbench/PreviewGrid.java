package org.atelier.ui.workbench;

import com.vaadin.flow.component.grid.ColumnRendering;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;

/**
 * The dataset's rows (all or a window of its columns, see {@link PreviewPanel}), fetched lazily 100 at a time from
 * the in-memory columns. A wide file's columns render lazily
 * too (only those scrolled into view get cells), at a fixed width, since sizing each of 10,000 columns to its content
 * means measuring them all.
 */
class PreviewGrid extends Grid<List<Object>> {
    static final int PAGE_SIZE = 100;
    /** Beyond this many columns, cells are rendered only for the columns in view. */
    static final int LAZY_COLUMNS_FROM = 50;

    PreviewGrid(DatasetInfo dataset, DatasetService datasets) {
        this(dataset, datasets, 0, dataset.columnCount());
    }

    /** The grid of the columns {@code [fromColumn, toColumn)} of the dataset. */
    PreviewGrid(DatasetInfo dataset, DatasetService datasets, int fromColumn, int toColumn) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        addClassName("atelier-dense");
        setSizeFull();
        setPageSize(PAGE_SIZE);
        List<ColumnProfile> columns = dataset.columns();
        boolean wide = toColumn - fromColumn > LAZY_COLUMNS_FROM;
        if (wide) {
            setColumnRendering(ColumnRendering.LAZY);
        }
        for (int i = fromColumn; i < toColumn; i++) {
            int index = i;
            ColumnProfile profile = columns.get(i);
            Column<List<Object>> column = addColumn(row -> text(row.get(index)))
                    .setHeader(profile.name()).setResizable(true).setKey(profile.name());
            if (wide) {
                column.setWidth("9rem").setFlexGrow(0);
            } else {
                column.setAutoWidth(true);
            }
            if (profile.isNumeric()) {
                column.setTextAlign(ColumnTextAlign.END);
            }
        }
        setItems(query -> datasets.preview(dataset.id(), query.getOffset(), query.getLimit()).rows().stream(),
                query -> dataset.rowCount());
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
