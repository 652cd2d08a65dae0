package org.atelier.ui.results;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.function.Supplier;

/**
 * A tab's content built when the tab is first shown: a model with hundreds of
 * coefficients should not build its charts and grids before anyone looks at them.
 */
class LazyTab<T extends Component> extends Div {
    private final Supplier<T> factory;
    private T content;

    LazyTab(Supplier<T> factory) {
        this.factory = factory;
        setSizeFull();
    }

    /** The content, built now if the tab has not been shown yet. */
    T content() {
        if (content == null) {
            content = factory.get();
            add(content);
        }
        return content;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        content();
    }
}
