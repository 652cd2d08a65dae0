package org.atelier.fit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atelier.TempHomeTest;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectEvents;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project deleted while one of its fits runs: the fit stops, its record goes with the project, everyone watching
 * the fit or the project hears at once, and the worker thread lives on to run the next fit (it used to die on the
 * failure record of a model that no longer existed, and the view stayed "Fitting").
 */
class ProjectDeletedDuringFitTest extends TempHomeTest {
    @Autowired
    FitService fits;
    @Autowired
    FitEvents events;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    ProjectEvents projectEvents;

    @Test
    void deletingAProjectStopsItsFitCleanlyAndTheNextFitStillRuns() throws Exception {
        String doomed = projects.create("Doomed", "").id();
        DatasetInfo data = portfolio(doomed, 200_000);
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        List<String> deletedNews = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(doomed, seen::add);
        projectEvents.subscribeDeleted(doomed, deleted -> deletedNews.add(deleted.name()));
        ModelSpec lasso = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Region"),
                        TermSpec.categorical("VehBrand"), TermSpec.linear("DrivAge"), TermSpec.linear("BonusMalus")))
                .withOffset("Exposure").withFitOptions(new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.MIN, 20, 1L));
        ModelDetail running = fits.start(doomed, data.id(), lasso);
        await(() -> seen.stream().anyMatch(e -> e instanceof FitEvent.Progress p && p.stage() == FitStage.BUILDING_DESIGN
                || e.isFinal()), "the fit running");

        projects.delete(doomed);

        assertThat(deletedNews).containsExactly("Doomed");
        await(() -> seen.stream().anyMatch(FitEvent::isFinal), "the end of the fit");
        await(() -> !fits.isActive(running.id()), "the job to leave");
        unsubscribe.run();
        assertThat(seen.stream().filter(FitEvent::isFinal).toList()).singleElement()
                .isInstanceOf(FitEvent.Cancelled.class);
        assertThat(models.exists(running.id())).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM models").query(Integer.class).single()).isZero();

        // the worker that ran it is alive and well: every worker takes the next fits
        String next = projects.create("Next", "").id();
        DatasetInfo small = portfolio(next, 2_000);
        ModelSpec simple = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area")))
                .withOffset("Exposure");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(fits.start(next, small.id(), simple).id());
        }
        await(() -> ids.stream().noneMatch(fits::isActive), "the next fits");
        assertThat(ids).allSatisfy(id -> assertThat(models.get(id).status()).isEqualTo(ModelStatus.COMPLETED));
    }

    private DatasetInfo portfolio(String projectId, int rows) {
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 11, rows);
        return datasets.upload(projectId, "portfolio.csv", file);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
