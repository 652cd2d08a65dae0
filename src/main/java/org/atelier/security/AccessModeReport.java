package org.atelier.security;

import org.atelier.user.Access;
import org.atelier.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says at start-up which access mode is on, and in login mode how to add the first administrator. */
@Component
class AccessModeReport implements ApplicationListener<WebServerInitializedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AccessModeReport.class);

    private final Access access;
    private final UserService users;

    AccessModeReport(Access access, UserService users) {
        this.access = access;
        this.users = users;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address");
        LOG.info(access.mode().startupLine(address, event.getWebServer().getPort()));
        if (access.mode().loginRequired() && !users.hasEnabledAdmin()) {
            LOG.warn("No administrator yet: nobody can log in. Add one with `java -jar atelier.jar user add NAME --admin`"
                    + " (same ATELIER_HOME), then log in and add the others on the Users page.");
        }
    }
}
