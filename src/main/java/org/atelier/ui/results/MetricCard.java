package org.atelier.ui.results;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure of the summary: a small caption over a large value ("Deviance" / "132,811"). */
class MetricCard extends Div {
    private final Span label = new Span();
    private final Span value = new Span();

    MetricCard(String label, String value) {
        addClassName("atelier-metric-card");
        this.label.addClassName("atelier-metric-label");
        this.value.addClassName("atelier-metric-value");
        this.label.setText(label);
        this.value.setText(value);
        add(this.label, this.value);
    }

    String label() {
        return label.getText();
    }

    String value() {
        return value.getText();
    }
}
