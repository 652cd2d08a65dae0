package org.atelier.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.atelier.dataset.DatasetService;
import org.atelier.fit.FitService;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real thing: the app on a random port with its production bundle and a temporary ATELIER_HOME, driven
 * by headless Chromium. Subclasses share one Spring context and get a fresh browser per test, with a wait of a
 * minute (a fit of the sample portfolio and a chart's first draw take seconds on a loaded machine), the services
 * that fit real models ({@link #fitted}) and the few ways of looking into a Vaadin chart the tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "atelier.open-browser=false")
abstract class BrowserTestBase {
    @LocalServerPort
    int port;
    WebDriver driver;
    WebDriverWait wait;
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

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
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
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

    /** Real models, fitted by the fit service on a generated portfolio as the app fits them. */
    FittedModels fitted() {
        return new FittedModels(fits, models, projects, datasets);
    }

    /** Switches the page to the light theme (the app starts dark) and lets the charts redraw. */
    void light() {
        ((JavascriptExecutor) driver).executeScript("""
                document.documentElement.removeAttribute('theme');
                document.documentElement.style.colorScheme = 'light';""");
        settle();
    }

    /**
     * How many elements match {@code selector} among a chart's series (Vaadin Charts draws into its shadow root);
     * 0 while the chart is not there yet.
     */
    static long count(WebDriver d, String chartId, String selector) {
        Object n = ((JavascriptExecutor) d).executeScript("""
                const chart = document.getElementById(arguments[0]);
                return chart && chart.shadowRoot ? chart.shadowRoot.querySelectorAll(".highcharts-series-group " + arguments[1]).length : 0;""",
                chartId, selector);
        return ((Number) n).longValue();
    }

    /** Highcharts animates the series in: lets it settle before a screenshot. */
    static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
