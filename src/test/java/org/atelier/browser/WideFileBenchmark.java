package org.atelier.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.atelier.dataset.DatasetInfo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opening the workbench of a 10,000-column file (20 rows) in headless Chromium: prints the time from navigation to
 * the workbench shown and settled, and the page's DOM node count. A benchmark, not a test: it runs only with
 * {@code -Datelier.benchmark=true}.
 */
class WideFileBenchmark extends BrowserTestBase {
    static final int COLUMNS = 10_000;
    static final int ROWS = 20;


    @Test
    void openTheWorkbenchOfATenThousandColumnFile() throws Exception {
        assumeTrue(Boolean.getBoolean("atelier.benchmark"), "a benchmark: run with -Datelier.benchmark=true");
        String projectId = projects.create("Wide", "").id();
        Path file = datasets.newUploadFile("wide.csv");
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < COLUMNS; c++) {
            csv.append(c == 0 ? "" : ",").append("col").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                csv.append(c == 0 ? "" : ",").append(c % 3 == 0 ? "L" + (r % 4) : Integer.toString(r * c % 97));
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
        DatasetInfo info = datasets.upload(projectId, "wide.csv", file);

        driver.get(url("/")); // the app's bundle loaded once, as a user who already had Atelier open
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.findElements(By.tagName("vaadin-button")).size() > 0);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            try {
                open(projectId);
            } catch (org.openqa.selenium.WebDriverException e) {
                System.out.printf("10,000-column workbench, run %d: not shown after %,d ms (%s)%n", run,
                        (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
                return;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Object nodes = ((JavascriptExecutor) driver).executeScript(
                    "let n = 0; const walk = r => { for (const e of r.querySelectorAll('*')) { n++; if (e.shadowRoot) walk(e.shadowRoot); } };"
                            + " walk(document); return n;");
            System.out.printf("10,000-column workbench (%s, %,d rows), run %d: shown in %,d ms, %s DOM nodes%n",
                    info.name(), info.rowCount(), run, millis, nodes);
            if (run == 1) {
                screenshot("wide-file-workbench");
            }
        }
    }

    private void open(String projectId) {
        driver.get(url("/project/" + projectId));
        new WebDriverWait(driver, Duration.ofSeconds(300)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("""
                            const text = document.body.innerText || '';
                            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                            const busy = clients && Object.values(clients).some(c => c.isActive && c.isActive());
                            return text.includes('10000 columns') && !busy;""")));
    }
}
