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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The results components rendered by Vaadin Charts in headless Chromium (the test-only page
 * {@link ResultsPreviewView}): the relativity chart's bars, error bars, exposure area and dashed reference line
 * really drawn, in the dark and the light theme, and the comparison chart. Screenshots go to target/screenshots.
 */
class ResultsBrowserTest extends BrowserTestBase {

    @Override
    int windowHeight() {
        return 1200;
    }

    @Test
    void relativityChartsAndComparisonAreDrawn() throws IOException {
        FittedModels fitted = fitted();
        DatasetInfo data = fitted.portfolio("Browser results");
        ModelDetail simple = fitted.fit(data, FittedModels.frequency(
                List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"))));
        ModelDetail full = fitted.fit(data, FittedModels.FREQUENCY);
        try {
            open("?model=" + full.id() + "&factor=Area");
            assertThat(count(driver, "relativity-chart", ".highcharts-column-series .highcharts-point")).isEqualTo(6);
            assertThat(count(driver, "relativity-chart", ".highcharts-errorbar-series .highcharts-point")).isEqualTo(6);
            assertThat(count(driver, "relativity-chart", ".highcharts-series.atelier-exposure .highcharts-area")).isEqualTo(1);
            assertThat(plotLines("relativity-chart")).isEqualTo(1);
            assertThat(shadowStyle("relativity-chart", ".atelier-reference-line", "stroke-dasharray"))
                    .as("the dashed reference line comes from atelier.css injected into the chart").isNotEqualTo("none");
            assertThat(shadowStyle("relativity-chart", ".highcharts-background", "fill"))
                    .as("styled mode: the chart takes the page's dark background, not Highcharts' white")
                    .isNotEqualTo("rgb(255, 255, 255)");
            screenshot("results-relativity-area-dark.png");

            // printed from the dark theme: the chart turns white with dark labels, no light grey on white paper
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(shadowStyle("relativity-chart", ".highcharts-background", "fill")).isEqualTo("rgb(255, 255, 255)");
            assertThat(shadowStyle("relativity-chart", ".highcharts-axis-labels text", "fill")).isEqualTo("rgb(34, 34, 34)");
            screenshot("results-relativity-area-print.png");
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

            open("?model=" + full.id() + "&factor=Region");
            screenshot("results-relativity-region-dark.png");
            open("?model=" + full.id() + "&factor=BonusMalus");
            assertThat(count(driver, "relativity-chart", ".highcharts-arearange-series .highcharts-area")).isEqualTo(1);
            screenshot("results-curve-bonusmalus-dark.png");

            open("?model=" + full.id() + "&factor=Area");
            light();
            waitForCharts("relativity-chart");
            screenshot("results-relativity-area-light.png");

            open("?model=" + full.id());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-summary")));
            assertThat(driver.findElements(By.cssSelector(".atelier-metric-card"))).hasSize(10);
            screenshot("results-summary-dark.png");
            driver.findElement(By.xpath("//vaadin-tab[normalize-space(.)='Coefficients']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Area (5)']")));
            screenshot("results-coefficients-dark.png");
            driver.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Area (5)']")).click();
            waitForCharts("drilldown-chart");
            screenshot("results-drilldown-dark.png");

            open("?first=" + simple.id() + "&second=" + full.id());
            waitForCharts("comparison-chart");
            assertThat(count(driver, "comparison-chart", ".highcharts-scatter-series .highcharts-point")).isEqualTo(12);
            screenshot("results-comparison-dark.png");

            driver.get(base() + "?feedback");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fit-error")));
            screenshot("results-feedback-dark.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("results-failure.png");
            throw e;
        }
    }

    private String base() {
        return url("/test/results");
    }

    private void open(String query) {
        driver.get(base() + query);
        wait.until(d -> !d.findElements(By.cssSelector("#results-tabs, #model-comparison")).isEmpty());
        if (query.contains("factor")) {
            waitForCharts("relativity-chart");
        }
    }

    private void waitForCharts(String id) {
        wait.until(d -> count(d, id, ".highcharts-series") > 0);
        settle();
    }

    private long plotLines(String chartId) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
                return document.getElementById(arguments[0]).shadowRoot
                    .querySelectorAll('.highcharts-plot-line.atelier-reference-line').length;""", chartId)).longValue();
    }

    private String shadowStyle(String chartId, String selector, String property) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("""
                const el = document.getElementById(arguments[0]).shadowRoot.querySelector(arguments[1]);
                return getComputedStyle(el).getPropertyValue(arguments[2]);""", chartId, selector, property));
    }

}
