package org.atelier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that need the Spring context: every Spring context gets its own ATELIER_HOME in a fresh
 * temporary folder, so tests never touch a user's ~/.atelier. Spring reuses a context across test
 * classes, so each test starts from an empty database instead.
 */
@SpringBootTest(properties = {"atelier.open-browser=false", "atelier.warm-up=false"})
public abstract class TempHomeTest {
    protected static Path home;

    @DynamicPropertySource
    static void atelierHome(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("atelier-test-");
        registry.add("atelier.home", () -> home.toString());
    }

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private org.atelier.config.AtelierProperties properties;

    @BeforeEach
    void startFromEmptyDatabase() {
        // Spring caches contexts: a test class that needs its own (other properties) made a new home and set the
        // field, while a class that reuses an earlier context must see that context's home.
        home = properties.home();
        jdbc.sql("DELETE FROM projects").update(); // datasets and models cascade
    }
}
