package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.atelier.dataset.DatasetInfo;
import org.atelier.engine.spec.Validation;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The model's one-way view and the lift chart drawn by Vaadin Charts in headless Chromium, in the dark and the light
 * theme: for a factor of the model the exposure bars with the observed rate, the fitted rate and the relativity on
 * its own axis; for a column not in the model the same without the relativity. Screenshots go to
 * target/screenshots.
 */
class ModelOneWayBrowserTest extends BrowserTestBase {

    @Override
    int windowHeight() {
        return 1200;
    }

    @Test
    void oneWayAndLiftChartsAreDrawnInBothThemes() throws IOException {
        FittedModels fitted = fitted();
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

    private static String axisTitles(WebDriver d, String chartId) {
        return (String) ((JavascriptExecutor) d).executeScript("""
                const chart = document.getElementById(arguments[0]);
                return [...chart.shadowRoot.querySelectorAll(".highcharts-axis-title")].map(t => t.textContent).join("|");""",
                chartId);
    }
}
