package org.atelier.ui.explore;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.atelier.dataset.DatasetExploration;
import org.atelier.dataset.DatasetExploration.Entry;
import org.atelier.ui.common.Badge;

/** The data-quality report: errors, warnings and suggestions, each entry with its column and message. */
class QualityReportView extends Div {
    QualityReportView(DatasetExploration x) {
        setId("explore-report");
        if (x.errors().isEmpty() && x.warnings().isEmpty() && x.suggestions().isEmpty()) {
            add(new Span("No problems found."));
            return;
        }
        section("Errors", "error", x.errors());
        section("Warnings", "warning", x.warnings());
        section("Suggestions", "numeric", x.suggestions());
    }

    private void section(String title, String kind, List<Entry> entries) {
        if (entries.isEmpty()) return;
        Div list = new Div();
        list.addClassName("explore-report-" + title.toLowerCase());
        for (Entry e : entries) {
            Div row = new Div(new Badge(e.column(), kind), new Span(" " + e.message()));
            row.getElement().setAttribute("data-code", e.code());
            row.getStyle().set("margin", "2px 0");
            list.add(row);
        }
        Span head = new Span(title + " (" + entries.size() + ")");
        head.getStyle().set("font-weight", "600");
        add(head, list);
    }
}
