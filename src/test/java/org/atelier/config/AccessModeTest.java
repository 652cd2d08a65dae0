package org.atelier.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AccessModeTest {

    @Test
    void onlyALoopbackAddressGoesWithoutLogin() {
        assertThat(AccessMode.ofAddress("127.0.0.1")).isEqualTo(AccessMode.LOOPBACK);
        assertThat(AccessMode.ofAddress("127.0.1.1")).isEqualTo(AccessMode.LOOPBACK);
        assertThat(AccessMode.ofAddress("::1")).isEqualTo(AccessMode.LOOPBACK);
        assertThat(AccessMode.ofAddress("localhost")).isEqualTo(AccessMode.LOOPBACK);
        assertThat(AccessMode.ofAddress("0.0.0.0")).isEqualTo(AccessMode.LOGIN);
        assertThat(AccessMode.ofAddress("::")).isEqualTo(AccessMode.LOGIN);
        assertThat(AccessMode.ofAddress("192.168.1.20")).isEqualTo(AccessMode.LOGIN);
        assertThat(AccessMode.ofAddress(null)).as("no address: Tomcat listens everywhere").isEqualTo(AccessMode.LOGIN);
        assertThat(AccessMode.ofAddress("")).isEqualTo(AccessMode.LOGIN);
    }

    @Test
    void loginCanBeAskedForOnLoopbackButNeverTurnedOffElsewhere() {
        MockEnvironment proxied = new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty(AccessMode.LOGIN_REQUIRED, "true");
        assertThat(AccessMode.of(proxied)).isEqualTo(AccessMode.LOGIN);
        MockEnvironment lan = new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty(AccessMode.LOGIN_REQUIRED, "false");
        assertThat(AccessMode.of(lan)).isEqualTo(AccessMode.LOGIN);
        assertThat(AccessMode.of(new MockEnvironment().withProperty("server.address", "127.0.0.1")))
                .isEqualTo(AccessMode.LOOPBACK);
    }

    @Test
    void theStartUpLineSaysWhichModeIsOn() {
        assertThat(AccessMode.LOGIN.startupLine("0.0.0.0", 8457)).isEqualTo("Atelier is bound to 0.0.0.0:8457: login required");
        assertThat(AccessMode.LOOPBACK.startupLine("127.0.0.1", 8457))
                .isEqualTo("Atelier is bound to 127.0.0.1:8457 (loopback only): no login");
    }

    @Test
    void loginModeClosesIdleSessionsAfterTheConfiguredTime() {
        MockEnvironment lan = new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty("atelier.access.session-timeout", "2h");
        new AccessModeEnvironment().postProcessEnvironment(lan, null);
        assertThat(lan.getProperty("server.servlet.session.timeout")).isEqualTo("2h");
        assertThat(lan.getProperty("vaadin.closeIdleSessions")).isEqualTo("true");
        MockEnvironment loopback = new MockEnvironment().withProperty("server.address", "127.0.0.1");
        new AccessModeEnvironment().postProcessEnvironment(loopback, null);
        assertThat(loopback.getProperty("vaadin.closeIdleSessions")).isNull();
        MockEnvironment defaults = new MockEnvironment().withProperty("server.address", "0.0.0.0");
        new AccessModeEnvironment().postProcessEnvironment(defaults, null);
        assertThat(defaults.getProperty("server.servlet.session.timeout")).isEqualTo("8h");
    }
}
