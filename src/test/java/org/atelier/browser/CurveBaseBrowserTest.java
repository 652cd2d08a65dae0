package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.atelier.dataset.DatasetInfo;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A curve's base value in headless Chromium on the sample portfolio: the labelled base line drawn, the base typed in
 * the Relativities tab redrawing the chart, and a tied spline's warning on the Summary tab. Screenshots go to
 * target/screenshots.
 */
class CurveBaseBrowserTest extends BrowserTestBase {

    @Override
    int windowHeight() {
        return 1300;
    }

    @Test
    void curvesShowTheirBaseAndTheUserCanMoveIt() throws IOException {
        FittedModels fitted = fitted();
        DatasetInfo data = fitted.portfolio("Browser curves");
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"), TermSpec.ns("DrivAge", 4))));
        ModelDetail tied = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.ns("BonusMalus", 4))));
        String base = url("/test/results");
        try {
            driver.get(base + "?model=" + model.id() + "&factor=BonusMalus");
            waitForChart(wait);
            assertThat(baseLabel()).isEqualTo("base 50 (exposure-weighted median)");
            screenshot("curve-base-bonusmalus.png");

            driver.get(base + "?model=" + model.id() + "&factor=DrivAge");
            waitForChart(wait);
            assertThat(baseLabel()).endsWith("(exposure-weighted median)");
            screenshot("curve-base-drivage.png");

            WebElement field = driver.findElement(By.cssSelector("#relativity-base input"));
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "30", Keys.ENTER);
            wait.until(d -> "base 30 (set by you)".equals(baseLabel()));
            wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='30 (base)']")).isEmpty());
            settle();
            screenshot("curve-base-drivage-30.png");

            driver.get(base + "?model=" + tied.id());
            wait.until(d -> !d.findElements(By.id("model-warnings")).isEmpty());
            assertThat(driver.findElement(By.id("model-warnings")).getText()).contains("ns(BonusMalus, df=4)");
            screenshot("curve-tied-spline-warning.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("curve-base-failure.png");
            throw e;
        }
    }

    private String baseLabel() {
        Object text = ((JavascriptExecutor) driver).executeScript("""
                const chart = document.getElementById('relativity-chart');
                const label = chart && chart.shadowRoot && chart.shadowRoot.querySelector('.highcharts-plot-line-label');
                return label ? label.textContent : null;""");
        return text == null ? null : text.toString();
    }

    private void waitForChart(WebDriverWait wait) {
        wait.until(d -> baseLabel() != null);
        settle();
    }
}
