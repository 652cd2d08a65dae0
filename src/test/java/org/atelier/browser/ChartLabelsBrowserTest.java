package org.atelier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.atelier.dataset.DatasetInfo;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/** A level named {@code <b>B</b>} is drawn as written in the relativity chart's axis, not as bold markup. */
class ChartLabelsBrowserTest extends BrowserTestBase {

    @Test
    void aMarkupLevelNameIsShownAsText() throws IOException {
        String projectId = projects.create("Browser labels", "").id();
        Path file = datasets.newUploadFile("labels.csv");
        StringBuilder csv = new StringBuilder("ClaimNb,Exposure,Area\n");
        Random random = new Random(5);
        String[] areas = {"A", "<b>B</b>", "C"};
        for (int i = 0; i < 600; i++) {
            csv.append(random.nextInt(3) == 0 ? 1 : 0).append(',').append(0.5 + random.nextDouble() / 2).append(',')
                    .append(areas[i % 3]).append('\n');
        }
        Files.writeString(file, csv);
        DatasetInfo data = datasets.upload(projectId, "labels.csv", file);
        ModelDetail model = fitted()
                .fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"))));
        driver.get(url("/test/results?model=" + model.id() + "&factor=Area"));
        try {
            wait.until(d -> labels() != null && labels().contains("C"));
            Thread.sleep(1500); // let Highcharts finish drawing before the screenshot
            assertThat(labels()).contains("<b>B</b>");
            Object bold = ((JavascriptExecutor) driver).executeScript("""
                    const chart = document.getElementById('relativity-chart');
                    return chart.shadowRoot.querySelectorAll('.highcharts-xaxis-labels text tspan[style*="bold"],'
                        + ' .highcharts-xaxis-labels b').length;""");
            assertThat(((Number) bold).intValue()).isZero();
            screenshot("chart-label-escaped.png");
        } catch (RuntimeException | AssertionError | InterruptedException e) {
            screenshot("chart-label-failure.png");
            throw new AssertionError(e);
        }
    }

    /** The x-axis labels' text, joined with "|". */
    private String labels() {
        Object text = ((JavascriptExecutor) driver).executeScript("""
                const chart = document.getElementById('relativity-chart');
                const labels = chart && chart.shadowRoot && chart.shadowRoot.querySelectorAll('.highcharts-xaxis-labels text');
                return labels && labels.length ? Array.from(labels).map(l => l.textContent).join('|') : null;""");
        return text == null ? null : text.toString();
    }
}
