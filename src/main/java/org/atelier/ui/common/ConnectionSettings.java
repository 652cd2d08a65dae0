package org.atelier.ui.common;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * How a page notices that the server is gone and comes back to it. When the server stops, the browser's push
 * websocket closes without Vaadin showing anything, so a page kept showing "Fitting" as if nothing had happened.
 * The heartbeat (every second, {@code vaadin.heartbeatInterval} in application.properties) is what notices: its
 * first failed request puts the page in Vaadin's reconnecting state (the "Connection lost" banner). This
 * listener makes the page retry every second rather than every five, so it is back as soon as the server is
 * (after a restart, on a new session: the page reloads).
 */
@Component
class ConnectionSettings implements VaadinServiceInitListener {
    static final int RECONNECT_INTERVAL_MS = 1000;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().getReconnectDialogConfiguration()
                .setReconnectInterval(RECONNECT_INTERVAL_MS));
    }
}
