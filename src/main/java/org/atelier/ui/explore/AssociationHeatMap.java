package org.atelier.ui.explore;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.atelier.dataset.DatasetExploration.Pair;

/**
 * The associations as a heat map: one row and one column per factor, each cell shaded by |value| (Cramér's V
 * between categoricals, |r| between numerics), flagged pairs (V > 0.3, |r| > 0.7) outlined; a pair with no measure
 * stays blank.
 */
class AssociationHeatMap extends Div {
    AssociationHeatMap(List<Pair> pairs) {
        setId("explore-associations");
        addClassName("atelier-heatmap");
        Set<String> names = new LinkedHashSet<>();
        Map<String, Pair> byKey = new HashMap<>();
        for (Pair p : pairs) {
            names.add(p.a());
            names.add(p.b());
            byKey.put(p.a() + "\u0000" + p.b(), p);
            byKey.put(p.b() + "\u0000" + p.a(), p);
        }
        List<String> columns = new ArrayList<>(names);
        getStyle().set("display", "grid").set("grid-template-columns",
                "max-content repeat(" + columns.size() + ", minmax(3.2em, 1fr))").set("gap", "2px")
                .set("font-size", "var(--lumo-font-size-xs)").set("overflow-x", "auto");
        add(new Span());
        for (String c : columns) {
            Span head = new Span(c);
            head.getStyle().set("writing-mode", "vertical-rl").set("transform", "rotate(180deg)")
                    .set("justify-self", "center");
            add(head);
        }
        for (String row : columns) {
            add(new Span(row));
            for (String column : columns) {
                add(cell(row.equals(column) ? null : byKey.get(row + "\u0000" + column), row.equals(column)));
            }
        }
    }

    private static Div cell(Pair p, boolean diagonal) {
        Div cell = new Div();
        cell.getStyle().set("min-height", "1.8em").set("display", "flex").set("align-items", "center")
                .set("justify-content", "center").set("border-radius", "2px");
        if (diagonal) {
            cell.getStyle().set("background", "var(--lumo-contrast-10pct)");
            return cell;
        }
        if (p == null) return cell;
        double strength = Math.min(1, Math.abs(p.value()));
        cell.getStyle().set("background", "color-mix(in srgb, var(--lumo-primary-color) "
                + Math.round(strength * 85) + "%, transparent)");
        if (p.flagged()) cell.getStyle().set("outline", "2px solid var(--atelier-exposure)");
        cell.setText(String.format(Locale.ROOT, "%.2f", p.value()));
        cell.getElement().setAttribute("title", (p.measure().equals("pearson") ? "Pearson r" : "Cramér's V") + " "
                + p.a() + " × " + p.b() + " = " + String.format(Locale.ROOT, "%.3f", p.value())
                + (p.flagged() ? " (flagged)" : ""));
        cell.addClassName(p.flagged() ? "atelier-heatmap-flagged" : "atelier-heatmap-cell");
        return cell;
    }
}
