package org.atelier.ui.results;

import com.vaadin.flow.component.html.Div;

/** What the validation tabs say for a model stored without diagnostics (fitted before Atelier computed them). */
final class EmptyDiagnostics {
    private EmptyDiagnostics() {
    }

    static Div note() {
        Div note = new Div("No diagnostics are stored with this model: it was fitted before Atelier computed them."
                + " Fit it again to get them.");
        note.addClassName("atelier-empty");
        return note;
    }
}
