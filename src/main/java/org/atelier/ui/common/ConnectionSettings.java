package org.atelier.ui.common;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * How a page notices that the server is gone and comes back to it. When the server stops, the browser's push
 * websocket closes without Vaadin showing anything (its connection state stays "connected"), so a page kept
 * showing "Fitting" for as long as nobody clicked. Vaadin's own heartbeat would notice, but only as often as it
 * beats, and a UI that misses three beats is closed on the server: at one beat a second, a tab whose browser is
 * busy for three seconds (a loaded machine, a tab opening) loses its UI. So each page asks for a static file (a
 * HEAD request without cookies, outside any session) once a second; when that fails it puts Vaadin's connection
 * state to "reconnecting" (the "Connection lost, trying to reconnect..." banner), and when it answers again it
 * says so and sends one request, which resumes the UI or, after a restart, reloads the page on the new session.
 * Vaadin's own reconnect attempts run every second rather than every five.
 */
@Component
class ConnectionSettings implements VaadinServiceInitListener {
    static final int RECONNECT_INTERVAL_MS = 1000;
    static final String RECONNECTED_EVENT = "atelier-reconnected";
    /** A file Vaadin serves as a static resource, before any session is looked up or created. */
    static final String PROBE = "VAADIN/static/push/vaadinPush-min.js";

    /** $0: the URL to probe; $1: the event that brings the UI back. */
    static final String WATCH = """
            if (!window.atelierConnectionWatch) {
              window.atelierConnectionWatch = true;
              let lost = false, busy = false;
              setInterval(() => {
                if (busy) return;
                busy = true;
                const abort = new AbortController();
                const timer = setTimeout(() => abort.abort(), 3000);
                fetch($0, {method: 'HEAD', cache: 'no-store', credentials: 'omit', signal: abort.signal})
                  .then(() => {
                    if (lost) {
                      lost = false;
                      window.Vaadin.connectionState.state = 'connected';
                      document.body.dispatchEvent(new CustomEvent($1));
                    }
                  })
                  .catch(() => {
                    if (!lost) {
                      lost = true;
                      window.Vaadin.connectionState.state = 'reconnecting';
                    }
                  })
                  .finally(() => { clearTimeout(timer); busy = false; });
              }, 1000);
            }""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> watch(init.getUI()));
    }

    static void watch(UI ui) {
        ui.getReconnectDialogConfiguration().setReconnectInterval(RECONNECT_INTERVAL_MS);
        // nothing to do on the server: the request itself is what resumes the UI (or finds its session gone)
        ui.getElement().addEventListener(RECONNECTED_EVENT, e -> { });
        ui.getPage().executeJs(WATCH, PROBE, RECONNECTED_EVENT);
    }
}
