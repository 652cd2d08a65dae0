package org.atelier.ui.results;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tab's content built when the tab is first shown: a model with hundreds of
 * coefficients should not build its charts and grids before anyone looks at them. The tab sheet says when its tab
 * is shown ({@link #visit}): a TabSheet attaches every tab's content at once (the hidden ones only disabled), so
 * being attached is no sign of being looked at, and building on attach built all six tabs with every result.
 */
class LazyTab<T extends Component> extends Div {
    private static final Logger LOG = LoggerFactory.getLogger(LazyTab.class);
    private final Supplier<T> factory;
    private final BooleanSupplier waiting;
    private final Supplier<Component> waitingNote;
    private T content;
    private Component note;

    LazyTab(Supplier<T> factory) {
        this(factory, () -> false, null);
    }

    /**
     * A tab whose content needs something still on its way: while {@code waiting} says so, a visit shows
     * {@code waitingNote}, and {@link #ready} replaces it with the content.
     */
    LazyTab(Supplier<T> factory, BooleanSupplier waiting, Supplier<Component> waitingNote) {
        this.factory = factory;
        this.waiting = waiting;
        this.waitingNote = waitingNote;
        setSizeFull();
    }

    /** The tab is shown: its content (or, while what it needs is on its way, the waiting note) is built now. */
    void visit() {
        if (content != null || note != null) {
            return;
        }
        if (waiting.getAsBoolean()) {
            note = waitingNote.get();
            add(note);
        } else {
            content();
        }
    }

    /** What the content waited for has come: a note shown makes way for the content. */
    void ready() {
        if (note != null) {
            content();
        }
    }

    /** Whether the tab shows its waiting note. */
    boolean isWaiting() {
        return note != null;
    }

    /** Whether the content has been built. */
    boolean isBuilt() {
        return content != null;
    }

    /** The content, built now if the tab has not been shown yet. */
    T content() {
        if (content == null) {
            long start = System.nanoTime();
            if (note != null) {
                remove(note);
                note = null;
            }
            content = factory.get();
            add(content);
            LOG.debug("{} built in {} ms", content.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        }
        return content;
    }
}
