package org.atelier.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In login mode, a session idle for {@code atelier.access.session-timeout} (8 h unless set) ends. Vaadin's
 * heartbeat would otherwise keep a session alive as long as a tab stays open, so Vaadin is told to close idle
 * sessions too. Both are servlet settings read before any bean exists, hence an environment post-processor.
 * On loopback nothing changes: a laptop tab left open for a day still works.
 */
public class AccessModeEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (AccessMode.of(environment) != AccessMode.LOGIN) {
            return;
        }
        String timeout = environment.getProperty("atelier.access.session-timeout", "8h");
        environment.getPropertySources().addLast(new MapPropertySource("atelier-login-mode", Map.of(
                "server.servlet.session.timeout", timeout,
                "vaadin.closeIdleSessions", "true")));
    }
}
