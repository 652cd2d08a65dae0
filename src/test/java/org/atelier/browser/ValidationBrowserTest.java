package org.atelier.browser;

import java.io.IOException;
import java.util.List;
import org.atelier.dataset.DatasetInfo;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation tabs drawn by Vaadin Charts in headless Chromium: the lift chart's A/E bars, their intervals, the
 * rate lines and the exposure area in the dark and the light theme, the Diagnostics cards and the Residuals charts.
 * Screenshots go to target/screenshots.
 */
class ValidationBrowserTest extends BrowserTestBase {

    @Override
    int windowHeight() {
        return 1200;
    }

    @Test
    void liftDiagnosticsAndResidualsAreDrawn() throws IOException {
        FittedModels fitted = fitted();
        DatasetInfo data = fitted.portfolio("Browser validation");
        fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"))));
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY.withValidation(Validation.random(0.2, 42)));
        String base = url("/test/results?model=" + model.id() + "&tab=");
        try {
            driver.get(base + "Lift");
            wait.until(d -> count(d, "lift-chart", ".highcharts-column-series .highcharts-point") == 10);
            assertThat(count(driver, "lift-chart", ".highcharts-errorbar-series .highcharts-point")).isEqualTo(10);
            assertThat(count(driver, "lift-chart", ".highcharts-series.highcharts-line-series")).isEqualTo(2);
            assertThat(count(driver, "lift-chart", ".highcharts-series.atelier-exposure .highcharts-area")).isEqualTo(1);
            assertThat(count(driver, "lorenz-chart", ".highcharts-series.highcharts-line-series")).isEqualTo(2);
            settle();
            screenshot("validation-lift-dark.png");

            light();
            screenshot("validation-lift-light.png");

            driver.get(base + "Diagnostics");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-drop-one")));
            assertThat(driver.findElements(By.cssSelector(".atelier-diagnostic-part .atelier-metric-card"))).hasSize(10);
            screenshot("validation-diagnostics-dark.png");

            driver.get(base + "Residuals");
            wait.until(d -> count(d, "qq-chart", ".highcharts-scatter-series .highcharts-point") > 100);
            wait.until(d -> count(d, "residuals-factor-chart", ".highcharts-column-series .highcharts-point") == 12);
            settle();
            screenshot("validation-residuals-dark.png");

            ModelDetail penalized = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                            TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas"), TermSpec.categorical("Region")))
                    .withFitOptions(new FitOptions(0, 0.5, 50, 1e-8, PenaltyKind.ELASTIC_NET, 3, Selection.MIN, 12, 1L)));
            driver.get(url("/test/results?model=" + penalized.id() + "&tab=Diagnostics"));
            wait.until(d -> count(d, "cv-curve-chart", ".highcharts-series.highcharts-line-series") == 1);
            wait.until(d -> count(d, "coefficient-path-chart", ".highcharts-series.highcharts-line-series") > 20);
            ((JavascriptExecutor) driver).executeScript("document.getElementById('cv-curve-chart').scrollIntoView()");
            settle();
            screenshot("validation-penalty-path-dark.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("validation-failure.png");
            throw e;
        }
    }
}
