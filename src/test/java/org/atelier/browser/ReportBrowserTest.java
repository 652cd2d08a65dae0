package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.atelier.dataset.DatasetInfo;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Validation;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.FittedModels;
import org.atelier.ui.results.ReportParts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The report as it prints: a fitted frequency model's report page opened in headless Chromium, printed to PDF
 * through the browser's own print pipeline and read back with PDFBox. The PDF holds the coefficient table's
 * estimates, every factor's name, a running header and "Page i of n" on every page, its charts as vector drawings
 * (no raster image in the file), and leaves out a section switched off. Its first pages are saved as PNGs under
 * target/report-pdf.
 */
class ReportBrowserTest extends BrowserTestBase {
    static final Path OUT = Path.of("target", "report-pdf");

    @Test
    void theReportPrintsToAPdfWithTheModelsFiguresOnNumberedPages() throws IOException {
        FittedModels fitted = fitted();
        DatasetInfo data = fitted.portfolio("Report project");
        ModelSpec spec = FittedModels.FREQUENCY.withValidation(Validation.random(0.2, 7));
        ModelDetail model = fitted.fit(data, spec);
        assertThat(model.errorMessage()).isNull();
        models.rename(model.id(), "Frequency \"draft\"");
        try {
            open(model, "");
            assertThat(style("#report-sheet", "background-color")).isEqualTo("rgb(255, 255, 255)");
            screenshot("report-screen.png");

            Object printed = js("""
                    window.__printed = 0; window.print = () => window.__printed++;
                    document.getElementById('report-print').click();
                    return window.__printed;""");
            assertThat(((Number) printed).intValue()).as("Print / Save as PDF calls the browser's print").isEqualTo(1);

            ReportPdf pdf = ReportPdf.print((ChromeDriver) driver);
            pdf.save(OUT, "report-portrait", 4, 110);
            int n = pdf.pageCount();
            assertThat(n).isBetween(6, 30);
            for (int i = 1; i <= n; i++) {
                String page = pdf.pages().get(i - 1);
                assertThat(page).as("page %d's number", i).contains("Page " + i + " of " + n);
                assertThat(page).as("page %d's running header", i).contains("Report project · v1 · Frequency \"draft\"");
            }
            float[] a4 = pdf.sizes().getFirst();
            assertThat(a4[0]).as("A4 portrait width in points").isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4[1]).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            String text = pdf.text();
            for (CoefficientRow c : model.coefficients()) {
                assertThat(text).as("estimate of %s", c.feature()).contains(ReportParts.estimate(c.estimate()));
            }
            for (FactorRelativities f : model.relativities()) {
                assertThat(text).as("factor %s", f.factor()).contains(f.factor());
            }
            assertThat(text).contains("Specification", "Coefficients", "Factors", "Diagnostics", "Lift, hold-out",
                    "Generated code", "portfolio.csv, 20,000 rows", "Poisson", "log(Exposure)");
            String javaLine = model.javaCode().lines().map(String::strip)
                    .filter(l -> l.length() > 25 && !l.contains("  ")).findFirst().orElseThrow();
            assertThat(text).as("the Java program in the appendix").contains(javaLine);
            assertThat(pdf.images()).as("charts print as vector drawings, not pictures").isZero();
            assertThat(text.split("Commercial features require a subscription", -1).length - 1)
                    .as("Vaadin's licence banner prints once, at the end, not over every page").isLessThanOrEqualTo(1);
            assertThat(text).as("the charts' own text is in the PDF").contains("Share of exposure, highest predicted rate first");

            // switched off before printing, the code appendix is not printed; landscape pages are A4 on their side
            driver.findElement(By.xpath("//vaadin-checkbox[normalize-space(.)='Generated code']")).click();
            driver.findElement(By.xpath("//vaadin-radio-button[normalize-space(.)='Landscape']")).click();
            wait.until(d -> driver.getCurrentUrl().contains("orientation=landscape")
                    && driver.getCurrentUrl().contains("omit=code"));
            waitForCharts();
            ReportPdf landscape = ReportPdf.print((ChromeDriver) driver);
            landscape.save(OUT, "report-landscape", 2, 80);
            assertThat(landscape.sizes().getFirst()[0]).isGreaterThan(landscape.sizes().getFirst()[1]);
            assertThat(landscape.text()).doesNotContain("Generated code").doesNotContain(javaLine);
            for (int i = 1; i <= landscape.pageCount(); i++) {
                assertThat(landscape.pages().get(i - 1)).contains("Page " + i + " of " + landscape.pageCount());
            }

            // the address keeps the choices: opened again, the report is set up the same way
            driver.get(driver.getCurrentUrl());
            waitForCharts();
            // (a hidden section is not even sent to the browser)
            assertThat(js("const s = document.getElementById('report-section-code'); return !s || s.hidden"))
                    .isEqualTo(true);
            assertThat(driver.findElement(By.id("report-sheet")).getText()).doesNotContain("Generated code");
        } catch (RuntimeException | AssertionError e) {
            screenshot("report-failure.png");
            throw e;
        }
    }

    @Test
    void aReportOfAModelThatDoesNotExistSaysSo() {
        driver.get(url("/report/nope/missing"));
        wait.until(d -> !d.findElements(By.id("report-problem")).isEmpty());
        assertThat(driver.findElement(By.id("report-problem")).getText()).contains("No report");
    }

    private void open(ModelDetail model, String query) {
        driver.get(url("/report/" + model.projectId() + "/" + model.id() + query));
        waitForCharts();
    }

    /** Every chart of the sheet drawn with its series. */
    private void waitForCharts() {
        wait.until(d -> Boolean.TRUE.equals(js("""
                const charts = [...document.querySelectorAll('#report-sheet vaadin-chart')];
                return charts.length > 0 && charts.every(c => c.shadowRoot
                    && c.shadowRoot.querySelector('.highcharts-series-group .highcharts-series'));""")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private String style(String selector, String property) {
        return String.valueOf(js("return getComputedStyle(document.querySelector('" + selector + "')).getPropertyValue('"
                + property + "')"));
    }

}
