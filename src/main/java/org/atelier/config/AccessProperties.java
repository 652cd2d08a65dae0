package org.atelier.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a login-required Atelier (see {@link AccessMode}) guards itself.
 *
 * @param loginRequired  ask for a login even on loopback (read by {@link AccessMode})
 * @param allowedHosts   host names a browser may use besides the machine's own names and addresses: requests
 *                       naming any other host are refused, which stops DNS rebinding
 * @param sessionTimeout a session idle this long is closed and its user logs in again
 * @param maxFailures    failed logins in a row, for one user name or from one address, that lock it
 * @param lockTime       how long such a lock lasts
 */
@ConfigurationProperties("atelier.access")
public record AccessProperties(
        @DefaultValue("false") boolean loginRequired,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("8h") Duration sessionTimeout,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockTime) {
}
