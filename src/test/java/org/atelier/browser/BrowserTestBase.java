package org.atelier.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real thing: the app on a random port with its production bundle and a temporary ATELIER_HOME, driven
 * by headless Chromium. Subclasses share one Spring context and get a fresh browser per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "atelier.open-browser=false")
abstract class BrowserTestBase {
    @LocalServerPort
    int port;
    WebDriver driver;

    @DynamicPropertySource
    static void atelierHome(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("atelier-browser-test-");
        registry.add("atelier.home", home::toString);
    }

    @BeforeAll
    static void requireBrowserAndBundle() {
        HeadlessChromium.requireBrowserAndProductionBundle();
    }

    /** Window height; charts want more room than forms. */
    int windowHeight() {
        return 900;
    }

    @BeforeEach
    void startChromium() throws IOException {
        driver = HeadlessChromium.start(1400, windowHeight());
    }

    @AfterEach
    void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}
