package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.atelier.dataset.DatasetInfo;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The "Export rating tables" links in headless Chromium: shown beside the result tabs, and each link's URL, fetched
 * in the page as a click downloads it, answers with a file of the right kind (an XLSX and a ZIP start "PK", the
 * stacked CSV with its header). The screenshot goes to target/screenshots.
 */
class RatingTablesBrowserTest extends BrowserTestBase {

    @Test
    void theExportLinksDownloadTheirFiles() throws IOException {
        FittedModels fitted = fitted();
        DatasetInfo data = fitted.portfolio("Browser tables");
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"))));
        try {
            driver.get(url("/test/results?model=") + model.id() + "&factor=Area");
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
