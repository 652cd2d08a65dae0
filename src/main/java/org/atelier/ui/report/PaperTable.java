package org.atelier.ui.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTML table for paper: its header repeats on every printed page, a row never breaks across two
 * (report.css), numbers align right. Grids are virtual scrollers and print only the rows on screen, so the report
 * uses this instead.
 */
@Tag("table")
class PaperTable extends Component {
    private final Element body = new Element("tbody");
    private final boolean[] numeric;
    private final int columns;

    /** Headings; a heading ending in {@code "#"} marks a numeric (right-aligned) column, the mark not shown. */
    PaperTable(String id, String... headings) {
        setId(id);
        getElement().getClassList().add("atelier-paper-table");
        columns = headings.length;
        numeric = new boolean[columns];
        Element row = new Element("tr");
        for (int i = 0; i < columns; i++) {
            numeric[i] = headings[i].endsWith("#");
            Element th = new Element("th").setText(numeric[i] ? headings[i].substring(0, headings[i].length() - 1)
                    : headings[i]);
            if (numeric[i]) {
                th.getClassList().add("num");
            }
            row.appendChild(th);
        }
        getElement().appendChild(new Element("thead").appendChild(row), body);
    }

    PaperTable row(String... cells) {
        return classedRow(null, cells);
    }

    /** A row with a class ("base" for a base level, "group" for a factor's heading row). */
    PaperTable classedRow(String rowClass, String... cells) {
        Element tr = new Element("tr");
        if (rowClass != null) {
            tr.getClassList().add(rowClass);
        }
        for (int i = 0; i < cells.length; i++) {
            Element td = new Element("td").setText(cells[i] == null ? "" : cells[i]);
            if (i < columns && numeric[i]) {
                td.getClassList().add("num");
            }
            tr.appendChild(td);
        }
        body.appendChild(tr);
        return this;
    }

    /** A heading row over the whole width (a factor's name above its coefficients). */
    PaperTable group(String text) {
        Element td = new Element("td").setText(text).setAttribute("colspan", Integer.toString(columns));
        body.appendChild(new Element("tr").appendChild(td));
        body.getChild(body.getChildCount() - 1).getClassList().add("group");
        return this;
    }

    List<String> headings() {
        Element head = getElement().getChild(0).getChild(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < head.getChildCount(); i++) {
            out.add(head.getChild(i).getText());
        }
        return out;
    }

    /** The body's rows as their cells' text (a group row has one cell). */
    List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < body.getChildCount(); r++) {
            Element tr = body.getChild(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < tr.getChildCount(); c++) {
                cells.add(tr.getChild(c).getText());
            }
            out.add(cells);
        }
        return out;
    }

    int rowCount() {
        return body.getChildCount();
    }
}
