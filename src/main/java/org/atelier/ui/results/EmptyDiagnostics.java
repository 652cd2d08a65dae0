package org.atelier.ui.results;

import com.vaadin.flow.component.html.Div;

/**
 * What the validation tabs say for a model without diagnostics that could not be computed when it was opened (its
 * fitted model is not stored, or computing them failed: the server log says why).
 */
final class EmptyDiagnostics {
    private EmptyDiagnostics() {
    }

    static Div note() {
        Div note = new Div("No diagnostics are stored with this model, and they could not be computed from it"
                + " (the server log says why). Fit it again to get them.");
        note.addClassName("atelier-empty");
        return note;
    }
}
