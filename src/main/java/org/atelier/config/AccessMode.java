package org.atelier.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;

/**
 * Whether Atelier asks for a login. Bound to a loopback address (127.0.0.1, the default, or ::1) only programs on
 * this machine can reach it: it stays a single-user tool with no login, and everything is allowed. Bound to any
 * other address (0.0.0.0, a LAN address, or no address at all, which means every interface), every request needs
 * a login. {@code atelier.access.login-required=true} asks for a login on loopback too (behind a reverse proxy on
 * the same machine); nothing turns the login off for a non-loopback address.
 */
public enum AccessMode {
    LOOPBACK,
    LOGIN;

    public static final String LOGIN_REQUIRED = "atelier.access.login-required";

    /** The one place the mode is decided, from the bind address Spring will use. */
    public static AccessMode of(Environment environment) {
        if (environment.getProperty(LOGIN_REQUIRED, Boolean.class, false)) {
            return LOGIN;
        }
        return ofAddress(environment.getProperty("server.address"));
    }

    static AccessMode ofAddress(String address) {
        if (address == null || address.isBlank()) {
            return LOGIN; // Tomcat without an address listens on every interface
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress() ? LOOPBACK : LOGIN;
        } catch (UnknownHostException e) {
            return LOGIN; // the server will not start on it either; never assume loopback
        }
    }

    public boolean loginRequired() {
        return this == LOGIN;
    }

    /** The start-up line that says which mode is on. */
    public String startupLine(String address, int port) {
        String bound = (address == null || address.isBlank() ? "all interfaces" : address) + ":" + port;
        return this == LOGIN
                ? "Atelier is bound to " + bound + ": login required"
                : "Atelier is bound to " + bound + " (loopback only): no login";
    }
}
