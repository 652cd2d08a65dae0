package org.atelier.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests of Atelier as shared on a LAN: login mode asked for by property (the server itself stays on
 * loopback, as every test server does), a real server on a random port, an empty database for each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atelier.access.login-required=true", "atelier.open-browser=false", "atelier.warm-up=false"})
public abstract class LoginModeTest {
    protected static Path home;

    @DynamicPropertySource
    static void atelierHome(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("atelier-login-test-");
        registry.add("atelier.home", () -> home.toString());
    }

    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void startFromEmptyDatabase() {
        jdbc.sql("DELETE FROM projects").update();
        jdbc.sql("DELETE FROM users").update();
    }

    @AfterEach
    void nobodyLoggedIn() {
        SecurityContextHolder.clearContext();
    }

    /** What follows on this thread runs as {@code name}, as if logged in with {@code role}. */
    protected static void actAs(String name, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, java.util.List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }
}
