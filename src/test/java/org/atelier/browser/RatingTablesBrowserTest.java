package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "Export rating tables" links in headless Chromium: shown beside the result tabs, and each link's URL, fetched
 * in the page as a click downloads it, answers with a file of the right kind (an XLSX and a ZIP start "PK", the
 * stacked CSV with its header). The screenshot goes to target/screenshots.
 */
class RatingTablesBrowserTest extends BrowserTestBase {
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void theExportLinksDownloadTheirFiles() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        FittedModels fitted = new FittedModels(fits, models, projects, datasets);
        DatasetInfo data = fitted.portfolio("Browser tables");
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"))));
        try {
            driver.get("http://127.0.0.1:" + port + "/test/results?model=" + model.id() + "&factor=Area");
            wait.until(d -> !d.findElements(By.id("rating-table-exports")).isEmpty());
            assertThat(driver.findElement(By.id("rating-table-exports")).getText())
                    .contains("Export rating tables").contains("CSV").contains("XLSX").contains("Rating-engine CSV");
            screenshot("rating-table-exports.png");
            Map<String, String> starts = Map.of("export-tables-xlsx", "PK", "export-tables-csv", "PK",
                    "export-tables-rating-engine-csv", "factor,level,relativity,ci_lower,ci_upper,exposure");
            for (var link : starts.entrySet()) {
                WebElement anchor = driver.findElement(By.id(link.getKey()));
                String href = anchor.getAttribute("href");
                Object head = ((JavascriptExecutor) driver).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text()).then(t => done(t.substring(0, 60)))"
                                + ".catch(e => done('failed: ' + e));", href);
                assertThat(String.valueOf(head)).as(link.getKey()).startsWith(link.getValue());
            }
        } catch (RuntimeException | AssertionError e) {
            screenshot("rating-table-exports-failure.png");
            throw e;
        }
    }
}
