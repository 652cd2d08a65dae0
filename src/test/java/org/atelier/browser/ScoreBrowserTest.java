package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Score data, Download model and out-of-time diagnostics as a user meets them in headless Chromium: the dialog, its
 * download link (fetched, so the CSV really comes down), the Diagnostics tab's out-of-time part and the Lift tab
 * switched to it. Screenshots go to target/screenshots.
 */
class ScoreBrowserTest extends BrowserTestBase {

    @Override
    int windowHeight() {
        return 1100;
    }

    @Test
    void scoreALaterYearAndJudgeTheModelOnIt() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        FittedModels fitted = fitted();
        DatasetInfo data = fitted.portfolio("Browser scoring");
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        Path later = datasets.newUploadFile("portfolio-2027.csv");
        SamplePortfolio.writeCsv(later, 12, 8_000);
        datasets.upload(data.projectId(), "portfolio-2027.csv", later);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        try {
            driver.get(url("/test/results?model=" + model.id() + "&tab=Summary"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("score-data"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score-run")));
            settle();
            screenshot("score-dialog-dark.png");
            driver.findElement(By.id("score-run")).click();
            WebElement download = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score-download")));
            assertThat(download.getText()).isEqualTo("Download v1-predictions-portfolio-2027.csv");
            settle();
            screenshot("score-dialog-done-dark.png");
            Object csv = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0].href).then(r => r.text()).then(t => done(t.split('\\n').slice(0, 2).join('|')
                        + '|' + t.split('\\n').length));""", download);
            assertThat((String) csv).startsWith("IDpol,mu,rate|1,").endsWith("|8002"); // header, 8,000 rows, last newline
            Object modelFile = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('download-model').href).then(r => r.arrayBuffer())
                        .then(b => done(new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 7))));""");
            assertThat(modelFile).isEqualTo("ATELIER");
            driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='Close']")).click();

            driver.get(url("/test/results?model=" + model.id() + "&tab=Diagnostics"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("run-out-of-time"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^='out-of-time-'].atelier-diagnostic-part")));
            settle();
            screenshot("score-out-of-time-diagnostics-dark.png");

            driver.get(url("/test/results?model=" + model.id() + "&tab=Lift"));
            WebElement part = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-radio-button[normalize-space(.)='Out of time: portfolio-2027.csv']")));
            part.click();
            settle();
            screenshot("score-out-of-time-lift-dark.png");
        } catch (RuntimeException | AssertionError e) {
            screenshot("score-failure.png");
            throw e;
        }
    }
}
