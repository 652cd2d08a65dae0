package org.atelier.ui.workbench;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;

/** The right panel: the code behind the current model specification. */
class CodePanel extends Div {
    static final String NOTHING_YET = """
            // Pick a response, a family and
            // factors in the spec panel: the
            // runnable program for the model
            // appears here.""";
    final Pre code = new Pre(NOTHING_YET);

    CodePanel() {
        addClassName("atelier-panel");
        code.addClassName("atelier-code");
        add(SpecPanel.title("Code"), code);
    }
}
