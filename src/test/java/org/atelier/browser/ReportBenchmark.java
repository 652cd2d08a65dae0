package org.atelier.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.data.SampleModel;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.SampleDataService;
import org.atelier.model.ModelDetail;
import org.atelier.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report page of the sample's default model (678,013 rows, the "Try sample data" frequency model) in a real
 * browser: from the start of the navigation to every chart drawn, i.e. ready to print (the browser's own clock,
 * first opening after start and then warm), and the time Chromium takes to print it to PDF. It prints figures and
 * asserts none; run it on purpose:
 * {@code mvn -B test -Dtest=ReportBenchmark -Datelier.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "atelier.benchmark", matches = "true")
@org.springframework.test.context.TestPropertySource(properties = "logging.level.org.atelier.ui.report=DEBUG")
class ReportBenchmark extends BrowserTestBase {
    private static final int WARM_RUNS = 3;
    /** Resolves, once every chart of the sheet has drawn its series, to milliseconds since navigation start. */
    private static final String READY = """
            const done = arguments[arguments.length - 1];
            let sheetAt = null;
            const ready = () => {
              if (sheetAt === null && document.getElementById('report-sheet')) sheetAt = performance.now();
              const sheet = document.getElementById('report-sheet');
              const charts = sheet ? [...sheet.querySelectorAll('vaadin-chart')] : [];
              return charts.length > 0 && charts.every(c => c.shadowRoot
                  && c.shadowRoot.querySelector('.highcharts-series-group .highcharts-series'));
            };
            const poll = () => ready() ? requestAnimationFrame(() => done([performance.now(),
                document.querySelectorAll('#report-sheet vaadin-chart').length, sheetAt])) : setTimeout(poll, 5);
            poll();""";

    /** Resolves, once an element matching arguments[0] is on the page, to milliseconds since navigation start. */
    private static final String SHOWN = """
            const selector = arguments[0], done = arguments[arguments.length - 1];
            const poll = () => document.querySelector(selector) ? done(performance.now()) : setTimeout(poll, 5);
            poll();""";

    @Autowired
    SampleDataService samples;
    @Autowired
    org.atelier.report.ReportService reports;

    @Test
    void printsTheReportTimes() throws Exception {
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
        Project project = samples.createSampleProject();
        DatasetInfo data = datasets.latest(project.id()).orElseThrow();
        ModelDetail model = fit(project.id(), data.id());
        String url = url("/" + org.atelier.ui.report.ReportView.path(project.id(), model.id()));

        List<Double> start = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            driver.get(url("/"));
            start.add(((Number) ((JavascriptExecutor) driver).executeAsyncScript(SHOWN, "#outlet > *")).doubleValue());
        }
        List<Double> gather = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            long g0 = System.nanoTime();
            reports.report(project.id(), model.id());
            gather.add((System.nanoTime() - g0) / 1e6);
        }
        double[] first = open(url);
        List<Double> warm = new ArrayList<>();
        List<Double> sheet = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            double[] run = open(url);
            warm.add(run[0]);
            sheet.add(run[2]);
        }
        screenshot("benchmark-report.png");
        long t0 = System.nanoTime();
        ReportPdf pdf = ReportPdf.print((ChromeDriver) driver);
        double printMs = (System.nanoTime() - t0) / 1e6;
        pdf.save(java.nio.file.Path.of("target", "report-pdf"), "benchmark-report", 1, 72);

        System.out.printf(Locale.ROOT, """

                Report page of the sample's default model, %,d rows, %d coefficients, %d charts (target in brackets):
                  navigation to ready to print, first opening after start   %6.2f s  (< 2 s)
                  navigation to ready to print, warm, median of %d           %6.2f s  (< 2 s; runs %s)
                    of which: the sheet on the page (server and page load)  %6.2f s  (runs %s)
                    of which: gathering the report on the server            %6.3f s  (runs %s)
                  for comparison: the project list (/) on the page, median  %6.2f s  (runs %s)
                  printing it to PDF (Page.printToPDF)                      %6.2f s  (%d pages, %,d bytes)
                  load average                                              %6.1f
                %n""", data.rowCount(), model.coefficients().size(), (int) first[1], first[0] / 1000, WARM_RUNS,
                median(warm) / 1000, seconds(warm), median(sheet) / 1000, seconds(sheet), median(gather) / 1000,
                seconds(gather), median(start) / 1000, seconds(start), printMs / 1000, pdf.pageCount(), pdf.bytes().length,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private ModelDetail fit(String projectId, String datasetId) throws InterruptedException {
        ModelDetail started = fits.start(projectId, datasetId, SampleModel.frequency());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        ModelDetail model = models.get(started.id());
        while (model.status().isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            model = models.get(started.id());
        }
        if (model.metrics() == null) {
            throw new AssertionError("The sample model did not fit: " + model.errorMessage());
        }
        return model;
    }

    private double[] open(String url) {
        driver.get(url);
        List<?> result = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(READY);
        return new double[] {((Number) result.get(0)).doubleValue(), ((Number) result.get(1)).doubleValue(),
                result.get(2) instanceof Number n ? n.doubleValue() : Double.NaN};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String seconds(List<Double> millis) {
        return String.join(", ", millis.stream().map(m -> String.format(Locale.ROOT, "%.2f", m / 1000)).toList());
    }
}
