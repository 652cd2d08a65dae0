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
 * HEAD request without cookies, outside any session) every {@value #PROBE_INTERVAL_MS} ms; when that fails (a killed
 * server refuses it at once) or gets no answer within {@value #PROBE_TIMEOUT_MS} ms (a server shutting down
 * accepts the connection and never answers), it puts Vaadin's connection state to "reconnecting" (the "Connection
 * lost, trying to reconnect..." banner): within two seconds of the server going away however it went. When the file
 * answers again it says so and sends one request, which resumes the UI or, after a restart, reloads the page on the
 * new session. Vaadin's own reconnect attempts run every second rather than every five. A server too busy to
 * answer a static file for over a second shows the banner until it answers, which is what the user should know.
 */
@Component
class ConnectionSettings implements VaadinServiceInitListener {
    static final int RECONNECT_INTERVAL_MS = 1000;
    static final int PROBE_INTERVAL_MS = 500;
    static final int PROBE_TIMEOUT_MS = 1200;
    static final String RECONNECTED_EVENT = "atelier-reconnected";
    /** A file Vaadin serves as a static resource, before any session is looked up or created. */
    static final String PROBE = "VAADIN/static/push/vaadinPush-min.js";

    /** $0: the URL to probe; $1: the event that brings the UI back; $2: probe interval, $3: probe timeout (ms). */
    static final String WATCH = """
            if (!window.atelierConnectionWatch) {
              window.atelierConnectionWatch = true;
              let lost = false, busy = false;
              setInterval(() => {
                if (busy) return;
                busy = true;
                const abort = new AbortController();
                const timer = setTimeout(() => abort.abort(), $3);
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
              }, $2);
            }""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> watch(init.getUI()));
    }

    static void watch(UI ui) {
        ui.getReconnectDialogConfiguration().setReconnectInterval(RECONNECT_INTERVAL_MS);
        // nothing to do on the server: the request itself is what resumes the UI (or finds its session gone)
        ui.getElement().addEventListener(RECONNECTED_EVENT, e -> { });
        ui.getPage().executeJs(WATCH, PROBE, RECONNECTED_EVENT, PROBE_INTERVAL_MS, PROBE_TIMEOUT_MS);
    }
}
