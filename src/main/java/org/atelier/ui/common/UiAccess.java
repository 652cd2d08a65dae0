package org.atelier.ui.common;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/**
 * Changes a page from a background thread (a fit's events, an exploration, a scoring run): through
 * {@link UI#access}, or not at all when the user has left the page meanwhile (closed the tab, navigated away, the
 * session ended). Vaadin then throws {@link UIDetachedException}; there is no one left to show the change to, and
 * the background work must not die of it or print its stack trace in the server's log.
 */
public final class UiAccess {
    private UiAccess() {
    }

    public static void run(UI ui, Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException gone) {
            // the page is gone: nothing to update
        }
    }
}
