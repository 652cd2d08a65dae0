package org.atelier.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How soon a page shows Vaadin's reconnecting state once its server is gone, and that it comes back when the server
 * is started again. The server runs as a process of its own (the test's class path, production bundle), so it can
 * be stopped as a user stops it (SIGTERM, Ctrl+C) and killed outright (kill -9); the figure runs from the signal to
 * the indicator in the page, on the machine's wall clock that both share. It prints figures and asserts none:
 * {@code mvn -B test -Dtest=ReconnectBenchmark -Datelier.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "atelier.benchmark", matches = "true")
class ReconnectBenchmark {
    /** Records in the page when Vaadin's connection indicator starts saying the connection is lost. */
    private static final String WATCH_INDICATOR = """
            window.__atelierLostAt = null;
            clearInterval(window.__atelierWatch);
            window.__atelierWatch = setInterval(() => {
              const indicator = document.querySelector('vaadin-connection-indicator');
              if (window.__atelierLostAt === null && indicator && indicator.reconnecting) {
                window.__atelierLostAt = Date.now();
              }
            }, 20);""";

    @BeforeAll
    static void requireBrowser() {
        HeadlessChromium.requireBrowserAndProductionBundle();
    }

    @Test
    void printsTheTimeFromAStoppedServerToTheReconnectingIndicator() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path home = Files.createTempDirectory("atelier-reconnect-");
        List<String> lines = new ArrayList<>();
        WebDriver driver = HeadlessChromium.start(1400, 900);
        Process server = start(port, home);
        try {
            for (boolean forcibly : new boolean[] {true, false, true, false}) {
                awaitServing(port);
                driver.get("http://127.0.0.1:" + port + "/");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofMinutes(3));
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-button[normalize-space(.)='New project']")));
                Thread.sleep(2_000); // the page's own watch has started
                ((JavascriptExecutor) driver).executeScript(WATCH_INDICATOR);
                long stopped = System.currentTimeMillis();
                if (forcibly) {
                    server.destroyForcibly();
                } else {
                    server.destroy();
                }
                wait.until(d -> ((JavascriptExecutor) d).executeScript("return window.__atelierLostAt") != null);
                long lost = ((Number) ((JavascriptExecutor) driver).executeScript("return window.__atelierLostAt"))
                        .longValue();
                server.waitFor();
                long restarted = System.currentTimeMillis();
                server = start(port, home);
                awaitServing(port);
                wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                        const indicator = document.querySelector('vaadin-connection-indicator');
                        return window.Vaadin.connectionState.state === 'connected'
                            && !(indicator && indicator.reconnecting);""")));
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-button[normalize-space(.)='New project']")));
                lines.add(String.format(Locale.ROOT, "  %-26s %5.2f s to the indicator, page back %5.2f s after the restart"
                        + " began (load %s)", forcibly ? "killed (kill -9)" : "stopped (SIGTERM)",
                        (lost - stopped) / 1000.0, (System.currentTimeMillis() - restarted) / 1000.0, load()));
            }
        } finally {
            driver.quit();
            server.destroyForcibly();
        }
        System.out.printf("%nServer gone to Vaadin's reconnecting indicator in the browser (target <= 2 s):%n%s%n%n",
                String.join(System.lineSeparator(), lines));
    }

    /** The app as its own process on the test's class path. */
    private static Process start(int port, Path home) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "org.atelier.AtelierApplication",
                "--server.port=" + port, "--no-browser", "--atelier.home=" + home, "--atelier.warm-up=false")
                .redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile()).start();
    }

    private static void awaitServing(int port) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The server on port " + port + " did not start");
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
