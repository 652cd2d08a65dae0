package org.atelier.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.user.Access;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: {"status":"UP"} (or "DOWN" with 503 when the database does not answer) for anyone, so a
 * monitor needs no account; a logged-in user, or anyone on loopback, also reads the access mode and the database.
 */
@RestController
public class HealthController {
    private final JdbcClient jdbc;
    private final Access access;

    public HealthController(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @GetMapping(value = "/health", produces = "application/json")
    public ResponseEntity<Map<String, String>> health() {
        boolean database;
        try {
            database = jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            database = false;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", database ? "UP" : "DOWN");
        if (access.actor().name() != null) {
            body.put("mode", access.mode().name().toLowerCase(java.util.Locale.ROOT));
            body.put("database", database ? "UP" : "DOWN");
        }
        return ResponseEntity.status(database ? 200 : 503).body(body);
    }
}
