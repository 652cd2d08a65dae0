package org.atelier.ui.results;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tab's content built when the tab is first shown: a model with hundreds of
 * coefficients should not build its charts and grids before anyone looks at them.
 */
class LazyTab<T extends Component> extends Div {
    private static final Logger LOG = LoggerFactory.getLogger(LazyTab.class);
    private final Supplier<T> factory;
    private T content;

    LazyTab(Supplier<T> factory) {
        this.factory = factory;
        setSizeFull();
    }

    /** The content, built now if the tab has not been shown yet. */
    T content() {
        if (content == null) {
            long start = System.nanoTime();
            content = factory.get();
            add(content);
            LOG.debug("{} built in {} ms", content.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        }
        return content;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        content();
    }
}
