package org.atelier.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long each results tab takes to draw in a real browser on the 678,013-row sample's default model: from the click
 * on the tab to its charts' series and its grids' rows on screen (the browser's clock, one frame after), the first
 * visit (the tab's content is built then) after a fit and after reopening the page, and a return visit; in brackets
 * the part until the tab's content arrived from the server (the rest is the browser drawing it). The server logs
 * each tab's build time at debug level ("LiftTab built in 12 ms"). It prints figures and asserts none; run it on
 * purpose:
 * {@code mvn -B test -Dtest=TabDrawBenchmark -Datelier.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "atelier.benchmark", matches = "true")
@org.springframework.test.context.TestPropertySource(properties = "logging.level.org.atelier.ui.results=DEBUG")
class TabDrawBenchmark extends BrowserTestBase {
    static final List<String> TABS = List.of("Summary", "Coefficients", "Relativities", "Diagnostics", "Lift",
            "Residuals");

    /**
     * Clicks the results tab named arguments[0] and answers the milliseconds until its panel has content (the
     * server's answer applied) and until it is drawn: every chart with its series, every grid with rows.
     */
    private static final String TIME_TAB = """
            const label = arguments[0], done = arguments[arguments.length - 1];
            const sheet = document.getElementById('results-tabs');
            const tab = [...sheet.querySelectorAll('vaadin-tab')].find(t => t.textContent.trim() === label);
            const t0 = performance.now();
            let content = null;
            const drawn = () => {
              const panel = [...sheet.children].find(c => c.getAttribute('tab') === tab.id && !c.hidden);
              if (!panel || panel.textContent.trim().length === 0) return false;
              if (content === null) content = performance.now() - t0;
              const charts = [...panel.querySelectorAll('vaadin-chart')].filter(c => c.offsetParent !== null);
              const grids = [...panel.querySelectorAll('vaadin-grid')].filter(g => g.offsetParent !== null);
              return charts.every(c => c.shadowRoot && c.shadowRoot.querySelector(
                      '.highcharts-series-group .highcharts-point, .highcharts-series-group .highcharts-graph'))
                  && grids.every(g => g.querySelector('vaadin-grid-cell-content') !== null
                      && g.shadowRoot && g.shadowRoot.querySelector('tbody#items tr:not([hidden])'));
            };
            const poll = () => {
              if (drawn()) {
                requestAnimationFrame(() => done([content, performance.now() - t0]));
              } else if (performance.now() - t0 > 60000) {
                done([content, -1]);
              } else {
                requestAnimationFrame(poll);
              }
            };
            tab.click();
            requestAnimationFrame(poll);""";

    @Test
    void printsEachTabsDrawTime() throws Exception {
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofMinutes(3));
        driver.get(url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space(.)='Try sample data']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".atelier-header"), "678K rows"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const b = document.getElementById('fit-button'); return !!b && !b.hasAttribute('disabled');")));
        driver.findElement(By.id("fit-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".atelier-header"), "Completed"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-summary")));

        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        TABS.forEach(t -> runs.put(t, new ArrayList<>()));
        timeAll(runs, "after-fit");
        timeAll(runs, null); // return visits: built already
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-summary")));
        timeAll(runs, null); // the stored model reopened

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nResults tabs drawn in the browser, 678,013-row sample, default frequency model (target <= 1 s):%n"
                        + "  %-13s %20s %20s %20s%n", "tab", "after fit", "return", "reopened"));
        runs.forEach((tab, ms) -> {
            out.append(String.format(Locale.ROOT, "  %-13s", tab));
            for (double[] run : ms) {
                out.append(String.format(Locale.ROOT, " %7.2f s (%5.2f s)   ", run[1] / 1000, run[0] / 1000));
            }
            out.append(System.lineSeparator());
        });
        System.out.println(out);
    }

    private void timeAll(Map<String, List<double[]>> runs, String screenshots) throws Exception {
        for (String tab : TABS) {
            List<?> ms = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(TIME_TAB, tab);
            runs.get(tab).add(new double[] {ms.get(0) instanceof Number n ? n.doubleValue() : Double.NaN,
                    ((Number) ms.get(1)).doubleValue()});
            if (screenshots != null) {
                Thread.sleep(1000); // the series' entry animation, for a readable screenshot
                screenshot("benchmark-tab-" + tab.toLowerCase(Locale.ROOT) + ".png");
            }
        }
    }
}
