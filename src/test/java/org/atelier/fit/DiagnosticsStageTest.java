package org.atelier.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.atelier.TempHomeTest;
import org.atelier.config.FitActivity;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fit's diagnostics stage stores train and hold-out figures with the model; drop-one tests and the double lift
 * run on request for completed models.
 */
class DiagnosticsStageTest extends TempHomeTest {
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
    ModelValidationService validation;
    @Autowired
    org.atelier.model.DiagnosticsCache cache;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aFitWithAHoldOutStoresTrainAndTestDiagnosticsAndDropOneAndDoubleLiftRunOnRequest() throws Exception {
        var project = projects.create("Validation", "");
        DatasetInfo data = portfolio(project.id(), 20_000);
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(project.id(), seen::add);
        ModelSpec small = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"))).withOffset("Exposure").withValidation(Validation.random(0.2, 42));
        ModelSpec larger = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas"))).withOffset("Exposure")
                .withValidation(Validation.random(0.2, 42));
        ModelDetail a = fits.start(project.id(), data.id(), small);
        await(seen, e -> e instanceof FitEvent.Completed c && c.modelId().equals(a.id()));
        ModelDetail b = fits.start(project.id(), data.id(), larger);
        await(seen, e -> e instanceof FitEvent.Completed c && c.modelId().equals(b.id()));
        unsubscribe.run();
        // computed beside the results: no progress of its own, and the reads below wait for the figures
        assertThat(seen).filteredOn(e -> e instanceof FitEvent.Progress p && p.stage() == FitStage.COMPUTING_DIAGNOSTICS)
                .isEmpty();

        ModelDetail done = models.get(a.id());
        ModelDiagnostics d = models.diagnostics(a.id()).orElseThrow();
        assertThat(d.train().totals().nObs()).isEqualTo(done.metrics().nObs());
        assertThat(d.train().totals().nObs() + d.test().totals().nObs()).isEqualTo(20_000);
        assertThat(d.train().totals().deviance()).isCloseTo(done.metrics().deviance(),
                org.assertj.core.data.Offset.offset(1e-6 * done.metrics().deviance()));
        assertThat(d.train().totals().ae()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)); // Poisson, log link, intercept
        assertThat(d.train().lifts()).extracting(ModelDiagnostics.Lift::k).containsExactly(10, 5, 20);
        assertThat(d.test().lift(20).orElseThrow().buckets()).hasSize(20);
        assertThat(d.train().factors()).extracting(ModelDiagnostics.FactorAe::column)
                .doesNotContain("ClaimNb", "Exposure").contains("Area", "VehGas", "Density", "Region");
        assertThat(d.train().factor("Density").orElseThrow().banded()).isTrue();
        assertThat(d.train().lorenz()).hasSizeLessThanOrEqualTo(200);
        assertThat(d.train().residuals().qq()).hasSize(5000);
        assertThat(d.test().residuals().byBucket()).hasSize(10);
        assertThat(d.dropOne()).isNull();

        List<ModelDiagnostics.DoubleLiftBucket> doubleLift = validation.doubleLift(a.id(), b.id(), 10, true);
        assertThat(doubleLift).hasSize(10);
        assertThat(doubleLift.stream().mapToInt(ModelDiagnostics.DoubleLiftBucket::nObs).sum())
                .isEqualTo(d.test().totals().nObs());

        CompletableFuture<List<ModelDiagnostics.DropOneTest>> finished = new CompletableFuture<>();
        List<String> progress = new CopyOnWriteArrayList<>();
        validation.startDropOne(b.id(), listener(finished, progress));
        List<ModelDiagnostics.DropOneTest> tests = finished.get(120, TimeUnit.SECONDS);
        assertThat(tests).extracting(ModelDiagnostics.DropOneTest::term).containsExactly("Area", "BonusMalus", "VehGas");
        assertThat(tests).allSatisfy(t -> assertThat(t.deltaDeviance()).isGreaterThanOrEqualTo(-1e-6));
        assertThat(progress).contains("0/3 Area", "3/3 null");
        ModelDiagnostics stored = models.diagnostics(b.id()).orElseThrow();
        assertThat(stored.dropOne()).isEqualTo(tests);
        assertThat(stored.train()).isEqualTo(models.diagnostics(b.id()).orElseThrow().train());
        assertThat(validation.isDropOneRunning(b.id())).isFalse();

        assertThatThrownBy(() -> validation.doubleLift(a.id(), "no-such-model", 10, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void diagnosticsComputedForAModelFoundWithoutThemGiveWayToARunningFit() throws Exception {
        var project = projects.create("Give way", "");
        DatasetInfo data = portfolio(project.id(), 5_000);
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(project.id(), seen::add);
        ModelDetail model = fits.start(project.id(), data.id(), ModelSpec.of("ClaimNb", "poisson",
                List.of(TermSpec.categorical("Area"))).withOffset("Exposure"));
        await(seen, e -> e instanceof FitEvent.Completed c && c.modelId().equals(model.id()));
        unsubscribe.run();
        models.diagnostics(model.id()).orElseThrow();
        jdbc.update("DELETE FROM model_diagnostics WHERE model_id = ?", model.id()); // as a kill leaves it
        java.util.concurrent.atomic.AtomicBoolean fitting = new java.util.concurrent.atomic.AtomicBoolean(true);
        FitActivity activity = new FitActivity();
        activity.follow(fitting::get);
        DiagnosticsStage stage = new DiagnosticsStage(models, cache, datasets, activity);
        try {
            assertThat(stage.computeIfMissing(model.id())).isTrue();
            assertThat(stage.computeIfMissing(model.id())).as("once").isFalse();
            Thread.sleep(1_500);
            assertThat(models.diagnosticsPending(model.id())).as("waiting while a fit runs").isTrue();
            fitting.set(false);
            assertThat(models.diagnostics(model.id())).as("computed once the fit is done").isPresent();
            assertThat(models.lacksDiagnostics(model.id())).isFalse();
        } finally {
            stage.stop();
        }
    }

    private static ModelValidationService.DropOneListener listener(
            CompletableFuture<List<ModelDiagnostics.DropOneTest>> finished, List<String> progress) {
        return new ModelValidationService.DropOneListener() {
            @Override
            public void progress(int done, int total, String term) {
                progress.add(done + "/" + total + " " + term);
            }

            @Override
            public void finished(List<ModelDiagnostics.DropOneTest> tests) {
                finished.complete(tests);
            }

            @Override
            public void failed(String message) {
                finished.completeExceptionally(new AssertionError(message));
            }

            @Override
            public void cancelled() {
                finished.completeExceptionally(new AssertionError("cancelled"));
            }
        };
    }

    private DatasetInfo portfolio(String projectId, int rows) {
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 11, rows);
        return datasets.upload(projectId, "portfolio.csv", file);
    }

    private static void await(List<FitEvent> seen, Predicate<FitEvent> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seen.stream().noneMatch(done)) {
            if (seen.stream().anyMatch(e -> e instanceof FitEvent.Failed)) {
                throw new AssertionError("A fit failed: " + seen.stream().filter(e -> e instanceof FitEvent.Failed).toList());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No final fit event; saw " + seen);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
