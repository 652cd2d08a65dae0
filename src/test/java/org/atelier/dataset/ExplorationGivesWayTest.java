package org.atelier.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.atelier.TempHomeTest;
import org.atelier.config.FitActivity;
import org.atelier.data.SamplePortfolio;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An exploration's one-factor GLMs hold still while a user's fit runs: side by side on two cores they took the
 * core the fit's parallel loops share (its engine step 1.6 s instead of 0.6 s on the sample).
 */
class ExplorationGivesWayTest extends TempHomeTest {
    @Autowired
    DatasetService datasets;
    @Autowired
    ProjectService projects;

    @Test
    void theFactorStrengthsWaitWhileAFitRunsAndFinishOnceItEnds() throws Exception {
        var project = projects.create("Give way", "");
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 5, 20_000);
        DatasetInfo data = datasets.upload(project.id(), "portfolio.csv", file);

        AtomicBoolean fitting = new AtomicBoolean(false);
        AtomicBoolean clicked = new AtomicBoolean(false);
        FitActivity activity = new FitActivity();
        activity.follow(fitting::get);
        ExplorationService explorations = new ExplorationService(datasets, jdbc, activity);
        List<String> stages = new CopyOnWriteArrayList<>();
        var choice = new DatasetExploration.Choice("ClaimNb", "Exposure", null, "poisson", null);
        CompletableFuture<DatasetExploration> explored = CompletableFuture.supplyAsync(() ->
                explorations.explore(data.id(), choice, (stage, done) -> {
                    stages.add(stage);
                    if (stage.startsWith("Strength of ") && clicked.compareAndSet(false, true)) {
                        fitting.set(true); // a user clicks Fit as the first one-factor GLM starts
                    }
                }));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fitting.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fitting.get()).as("the strengths started").isTrue();
        Thread.sleep(1_500);
        assertThat(explored).as("held back while the fit runs").isNotDone();
        assertThat(stages.stream().filter(s -> s.startsWith("Strength of "))).as("still at the first factor")
                .hasSize(1);

        fitting.set(false);
        DatasetExploration done = explored.get(60, TimeUnit.SECONDS);
        assertThat(done.strength()).as("every factor ranked once the fit is over").hasSizeGreaterThan(3);
    }
}
