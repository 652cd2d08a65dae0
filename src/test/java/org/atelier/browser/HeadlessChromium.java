package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (no driver downloads). Browser tests call
 * {@link #requireBrowserAndProductionBundle()} from a static @BeforeAll, before Spring starts the app.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * Skips the test class where it cannot run: outside CI without Chromium installed (in CI, .ci/run installs
     * it, so its absence fails), or without the production frontend build (-DskipFrontend), without which the
     * app could not even start in production mode.
     */
    static void requireBrowserAndProductionBundle() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        }
        assertThat(installed).as("chromium and chromedriver under /usr/bin (.ci/run installs them)").isTrue();
        boolean production;
        try (var info = HeadlessChromium.class.getResourceAsStream("/META-INF/VAADIN/config/flow-build-info.json")) {
            production = info != null && new String(info.readAllBytes(), StandardCharsets.UTF_8)
                    .matches("(?s).*\"productionMode\"\\s*:\\s*true.*");
        } catch (IOException e) {
            production = false;
        }
        assumeTrue(production, "No production frontend build on the classpath (built with -DskipFrontend)");
    }

    static WebDriver start(int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container needs --no-sandbox; the network flags keep Chromium off the closed internet.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("atelier-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows under target/screenshots/. */
    static void screenshot(WebDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
