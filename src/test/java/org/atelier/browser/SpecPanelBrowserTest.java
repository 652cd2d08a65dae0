package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.atelier.dataset.SampleDataService;
import org.atelier.model.ModelStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The spec panel in a real browser: right after a reload, with Vaadin's licence banner showing, the sticky
 * Fit button is what a click on it hits (at 1400 and at 900 px width), and a real click fits the sample's
 * ready model.
 */
class SpecPanelBrowserTest extends BrowserTestBase {
    /** The element a click at the Fit button's centre reaches, as the browser decides it. */
    private static final String HIT_AT_FIT_CENTRE = """
            const fit = document.getElementById('fit-button');
            const box = fit.getBoundingClientRect();
            const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return hit === fit || fit.contains(hit) ? 'fit' : hit ? hit.tagName + ' ' + hit.className : 'nothing';""";

    @Autowired
    SampleDataService samples;

    @Test
    void fitIsClearOfTheLicenceBannerAfterAReloadAndARealClickFits() throws IOException {
        String projectId = samples.createSampleProject().id();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        try {
            for (int width : new int[] {1400, 900}) {
                driver.manage().window().setSize(new Dimension(width, 900));
                driver.get(url("/project/" + projectId));
                // reload only once the page is up: a reload while Vaadin still starts can be cut off by its own load
                wait.until(ExpectedConditions.elementToBeClickable(By.id("fit-button")));
                driver.navigate().refresh();
                wait.until(ExpectedConditions.elementToBeClickable(By.id("fit-button")));
                // the banner's own script and this app's measurement run as the page loads: allow them a moment
                wait.until(d -> "fit".equals(((JavascriptExecutor) d).executeScript(HIT_AT_FIT_CENTRE)));
                screenshot("spec-panel-fit-" + width + ".png");
            }
            WebElement fit = driver.findElement(By.id("fit-button"));
            fit.click();
            wait.until(d -> models.history(projectId).size() == 1
                    && models.history(projectId).getFirst().status() == ModelStatus.COMPLETED);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".atelier-header"),
                    "Completed"));
            assertThat(models.get(models.history(projectId).getFirst().id()).coefficients()).hasSize(43);
        } finally {
            screenshot("spec-panel-fitted.png");
        }
    }
}
