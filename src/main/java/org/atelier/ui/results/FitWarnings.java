package org.atelier.ui.results;

import com.vaadin.flow.component.html.Div;
import java.util.List;

/**
 * What a fit reported besides its results, e.g. "ns(BonusMalus, df=4): 2 of 3 interior knots coincide at 50 ...;
 * fitted with df=2": one line each in a warning box, shown on the Summary tab and on the factor concerned.
 */
class FitWarnings extends Div {
    final List<String> warnings;

    FitWarnings(String id, List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        setId(id);
        addClassNames("atelier-alert", "warning", "atelier-fit-warnings");
        getStyle().set("margin-bottom", "var(--lumo-space-s)");
        for (String warning : warnings) {
            Div line = new Div("⚠ " + warning);
            line.addClassName("atelier-fit-warning");
            add(line);
        }
        setVisible(!warnings.isEmpty());
    }
}
