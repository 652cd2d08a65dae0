package org.atelier.ui.workbench;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetInfo;
import org.atelier.ui.common.Badge;

/** The dataset's columns in file order, each with its dtype badge, distinct count and a no-values warning. */
class ColumnList extends Div {
    ColumnList(DatasetInfo dataset) {
        for (ColumnProfile column : dataset.columns()) {
            Div row = new Div();
            row.addClassName("atelier-column-row");
            Span name = new Span(column.name());
            name.addClassName("name");
            name.setTitle(ProfileText.describe(column));
            row.add(name);
            if (column.nMissing() == dataset.rowCount()) {
                row.add(new Badge("no values", "warning"));
            }
            Span unique = new Span(String.format("%,d", column.nUnique()));
            unique.addClassName("atelier-muted");
            unique.setTitle("distinct values");
            row.add(unique, new Badge(column.dtype(), column.isNumeric() ? "numeric" : "string"));
            add(row);
        }
    }
}
