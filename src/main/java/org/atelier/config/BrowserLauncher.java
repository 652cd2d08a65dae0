package org.atelier.config;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Opens the user's default browser on Atelier once the web server is listening (unless --no-browser).
 * Uses the desktop's opener command rather than java.awt.Desktop, which a headless Spring Boot app lacks.
 */
@Component
class BrowserLauncher implements ApplicationListener<WebServerInitializedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserLauncher.class);

    private final AtelierProperties properties;

    BrowserLauncher(AtelierProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String host = event.getApplicationContext().getEnvironment().getProperty("server.address", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        String url = "http://" + host + ":" + event.getWebServer().getPort() + "/";
        LOG.info("Atelier is running at {} (data in {})", url, properties.home());
        if (properties.openBrowser()) {
            open(url);
        }
    }

    private static void open(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.info("Could not open a browser ({}); open {} yourself", e.getMessage(), url);
        }
    }
}
