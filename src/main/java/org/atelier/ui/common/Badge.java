package org.atelier.ui.common;

import com.vaadin.flow.component.html.Span;

/** A small coloured label: a column's dtype, a warning, a fit status. Colours live in atelier.css. */
public class Badge extends Span {
    public Badge(String text, String kind) {
        super(text);
        addClassNames("atelier-badge", kind);
    }

    /** Replaces the text and colour, e.g. when a fit moves from fitting to completed. */
    public void show(String text, String kind) {
        setText(text);
        setClassName("atelier-badge");
        addClassName(kind);
    }
}
