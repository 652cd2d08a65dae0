package org.atelier.ui.workbench;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetInfo;
import org.atelier.ui.common.Badge;

/** One row per column: dtype, distinct and missing counts, range, mean and sample values. */
class ProfileGrid extends Grid<ColumnProfile> {
    ProfileGrid(DatasetInfo dataset) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addClassName("atelier-dense");
        setSizeFull();
        addColumn(ColumnProfile::name).setHeader("Column").setKey("Column").setAutoWidth(true).setFrozen(true).setSortable(true);
        addComponentColumn(c -> new Badge(c.dtype(), c.isNumeric() ? "numeric" : "string")).setHeader("Type").setKey("Type")
                .setAutoWidth(true);
        numeric(addColumn(c -> String.format("%,d", c.nUnique())).setHeader("Distinct").setKey("Distinct")
                .setComparator(ColumnProfile::nUnique));
        numeric(addColumn(c -> String.format("%,d", c.nMissing())).setHeader("Missing").setKey("Missing")
                .setComparator(ColumnProfile::nMissing));
        numeric(addColumn(c -> ProfileText.number(c.min())).setHeader("Min").setKey("Min"));
        numeric(addColumn(c -> ProfileText.number(c.mean())).setHeader("Mean").setKey("Mean"));
        numeric(addColumn(c -> ProfileText.number(c.max())).setHeader("Max").setKey("Max"));
        addColumn(c -> c.isCategorical() ? "yes" : "").setHeader("Categorical").setKey("Categorical").setAutoWidth(true);
        addColumn(ProfileText::samples).setHeader("Sample values").setKey("Sample values").setFlexGrow(1);
        setItems(dataset.columns());
    }

    private static void numeric(Column<ColumnProfile> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true);
    }
}
