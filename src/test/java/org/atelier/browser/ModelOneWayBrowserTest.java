package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.Validation;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The model's one-way view and the lift chart drawn by Vaadin Charts in headless Chromium, in the dark and the light
 * theme: for a factor of the model the exposure bars with the observed rate, the fitted rate and the relativity on
 * its own axis; for a column not in the model the same without the relativity. Screenshots go to
 * target/screenshots.
 */
class ModelOneWayBrowserTest extends BrowserTestBase {
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Override
    int windowHeight() {
        return 1200;
    }

    @Test
    void oneWayAndLiftChartsAreDrawnInBothThemes() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        FittedModels fitted = new FittedModels(fits, models, projects, datasets);
        DatasetInfo data = fitted.portfolio("Browser one-way");
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY.withValidation(Validation.random(0.2, 42)));
        String base = url("/test/results?model=" + model.id());
        try {
            driver.get(base + "&factor=Region");
            wait.until(d -> count(d, "model-one-way-chart", ".highcharts-series.highcharts-line-series") == 3);
            int regions = models.diagnostics(model.id()).orElseThrow().train().factor("Region").orElseThrow()
                    .levels().size();
            assertThat(count(driver, "model-one-way-chart", ".highcharts-column-series .highcharts-point"))
                    .as("one exposure bar per region").isEqualTo(regions);
            assertThat(count(driver, "model-one-way-chart", ".highcharts-series.atelier-model-relativity")).isEqualTo(1);
            assertThat(axisTitles(driver, "model-one-way-chart")).contains("Observed rate", "Exposure", "Relativity");
            settle();
            screenshot("one-way-model-factor-dark.png");
            light();
            screenshot("one-way-model-factor-light.png");

            driver.get(base + "&factor=VehBrand");
            wait.until(d -> count(d, "model-one-way-chart", ".highcharts-series.highcharts-line-series") == 2);
            assertThat(count(driver, "model-one-way-chart", ".highcharts-series.atelier-model-relativity")).isZero();
            settle();
            screenshot("one-way-not-in-model-dark.png");

            driver.get(base + "&tab=Lift");
            wait.until(d -> count(d, "lift-chart", ".highcharts-column-series .highcharts-point") == 10);
            settle();
            screenshot("one-way-lift-dark.png");
            light();
            screenshot("one-way-lift-light.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("one-way-failure.png");
            throw e;
        }
    }

    private void light() {
        ((JavascriptExecutor) driver).executeScript("""
                document.documentElement.removeAttribute('theme');
                document.documentElement.style.colorScheme = 'light';""");
        settle();
    }

    private static long count(WebDriver d, String chartId, String selector) {
        Object n = ((JavascriptExecutor) d).executeScript("""
                const chart = document.getElementById(arguments[0]);
                return chart && chart.shadowRoot ? chart.shadowRoot.querySelectorAll(".highcharts-series-group " + arguments[1]).length : 0;""",
                chartId, selector);
        return ((Number) n).longValue();
    }

    private static String axisTitles(WebDriver d, String chartId) {
        return (String) ((JavascriptExecutor) d).executeScript("""
                const chart = document.getElementById(arguments[0]);
                return [...chart.shadowRoot.querySelectorAll(".highcharts-axis-title")].map(t => t.textContent).join("|");""",
                chartId);
    }

    private static void settle() {
        try {
            Thread.sleep(1500); // Highcharts animates the series in; let it settle before the screenshot
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
