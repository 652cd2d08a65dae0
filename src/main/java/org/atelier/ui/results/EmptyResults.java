package org.atelier.ui.results;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What the results panel says before the first fit. */
public class EmptyResults extends Div {
    public static final String TEXT = "Configure your model and click \"Fit model\" to see results here.";

    public EmptyResults() {
        setId("results-empty");
        addClassNames("atelier-empty", "atelier-results-empty");
        Icon icon = VaadinIcon.BAR_CHART.create();
        icon.addClassName("atelier-results-empty-icon");
        add(icon, new Paragraph(TEXT));
    }
}
