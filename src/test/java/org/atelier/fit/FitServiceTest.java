package org.atelier.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.atelier.TempHomeTest;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FitServiceTest extends TempHomeTest {
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

    static ModelSpec frequency(List<TermSpec> terms) {
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure");
    }

    @Test
    void aFitReportsItsStagesAndIterationsAndStoresItsResults() {
        var project = projects.create("Fits", "");
        DatasetInfo data = portfolio(project.id(), 20_000);
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(project.id(), seen::add);

        ModelSpec spec = frequency(List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"),
                TermSpec.categorical("VehGas")));
        ModelDetail started = fits.start(project.id(), data.id(), spec);
        assertThat(started.version()).isEqualTo(1);
        assertThat(started.spec()).isEqualTo(spec);
        await(seen, e -> e instanceof FitEvent.Completed);
        unsubscribe.run();

        assertThat(seen).filteredOn(e -> e instanceof FitEvent.Progress p && p.stage() == FitStage.ITERATING
                        && p.iteration() > 0)
                .isNotEmpty().allSatisfy(e -> assertThat(((FitEvent.Progress) e).describe())
                        .matches("Iteration \\d+/25 · deviance [\\d,]+.*"));
        assertThat(seen).extracting(e -> e instanceof FitEvent.Progress p ? p.stage() : null)
                .contains(FitStage.QUEUED, FitStage.LOADING_DATA, FitStage.BUILDING_DESIGN, FitStage.ITERATING,
                        FitStage.SAVING)
                .doesNotContain(FitStage.COMPUTING_DIAGNOSTICS); // computed beside the results, after the fit

        ModelDetail done = models.get(started.id());
        assertThat(done.status()).isEqualTo(ModelStatus.COMPLETED);
        assertThat(done.metrics().converged()).isTrue();
        assertThat(done.metrics().nObs()).isEqualTo(20_000);
        assertThat(done.metrics().deviance()).isLessThan(done.metrics().nullDeviance());
        assertThat(done.coefficients()).extracting(c -> c.feature()).containsExactly("Intercept", "Area[T.B]",
                "Area[T.C]", "Area[T.D]", "Area[T.E]", "Area[T.F]", "BonusMalus", "VehGas[T.Regular]");
        assertThat(done.trace()).hasSize(done.metrics().iterations());
        assertThat(done.summaryText()).contains("BonusMalus");
        // the diagnostics are computed beside the results, after these timings are stored
        assertThat(done.stageTimings()).containsOnlyKeys("loading_data", "building_design", "iterating", "saving");
        assertThat(models.modelBytes(started.id())).isNotEmpty();

        FactorRelativities area = done.relativities().getFirst();
        assertThat(area.factor()).isEqualTo("Area");
        assertThat(area.baseLevel()).isEqualTo("A");
        assertThat(area.levels()).extracting(LevelRelativity::level).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(area.levels().getFirst()).satisfies(a -> {
            assertThat(a.base()).isTrue();
            assertThat(a.relativity()).isEqualTo(1.0);
        });
        double totalExposure = area.levels().stream().mapToDouble(LevelRelativity::exposure).sum();
        double expected = java.util.Arrays.stream(((org.atelier.engine.frame.NumericColumn)
                datasets.frame(data.id()).column("Exposure").orElseThrow()).values()).sum();
        assertThat(totalExposure).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        FactorRelativities bonus = done.relativities().get(1);
        assertThat(bonus.curve()).hasSize(RelativityTables.CURVE_POINTS);
        assertThat(bonus.curve()).allSatisfy(p -> assertThat(p.lower()).isLessThanOrEqualTo(p.relativity()));

        assertThat(models.history(project.id())).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo("v1");
            assertThat(row.terms()).isEqualTo("Area, BonusMalus, VehGas");
            assertThat(row.status()).isEqualTo(ModelStatus.COMPLETED);
        });
    }

    @Test
    void aFailedFitKeepsItsErrorAndSuggestion() {
        var project = projects.create("Failing", "");
        DatasetInfo data = portfolio(project.id(), 2_000);
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(project.id(), seen::add);
        ModelDetail started = fits.start(project.id(), data.id(), frequency(List.of(TermSpec.linear("NoSuchColumn"))));
        await(seen, FitEvent::isFinal);
        unsubscribe.run();

        FitEvent.Failed failed = (FitEvent.Failed) seen.getLast();
        assertThat(failed.message()).contains("NoSuchColumn");
        ModelDetail stored = models.get(started.id());
        assertThat(stored.status()).isEqualTo(ModelStatus.FAILED);
        assertThat(stored.errorType()).isEqualTo(failed.errorType());
        assertThat(stored.errorMessage()).isEqualTo(failed.message());
    }

    @Test
    void cancellingStopsARunningFitWithinAnIteration() {
        var project = projects.create("Cancelled", "");
        DatasetInfo data = portfolio(project.id(), 300_000);
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(project.id(), event -> {
            seen.add(event);
            if (event instanceof FitEvent.Progress p && p.stage() == FitStage.ITERATING) {
                fits.cancel(p.modelId());
            }
        });
        ModelSpec spec = frequency(List.of(TermSpec.categorical("Region"), TermSpec.categorical("VehBrand"),
                TermSpec.linear("DrivAge"), TermSpec.linear("BonusMalus")));
        ModelDetail started = fits.start(project.id(), data.id(), spec);
        await(seen, FitEvent::isFinal);
        unsubscribe.run();

        assertThat(seen.getLast()).isInstanceOf(FitEvent.Cancelled.class);
        assertThat(seen).filteredOn(e -> e instanceof FitEvent.Progress p && p.stage() == FitStage.ITERATING
                        && p.iteration() > 0)
                .hasSizeLessThanOrEqualTo(2);
        assertThat(models.get(started.id()).status()).isEqualTo(ModelStatus.CANCELLED);
        assertThat(fits.isActive(started.id())).isFalse();
    }

    /**
     * Cancel interrupts the fitting thread; a listener called on it would push to the browser from an interrupted
     * thread, and that push was lost (the view kept "Fitting" until its next request).
     */
    @Test
    void theEndOfACancelledFitIsDeliveredOnAThreadThatIsNotInterrupted() {
        var project = projects.create("Cancelled while building", "");
        DatasetInfo data = portfolio(project.id(), 100_000);
        List<String> deliveredOn = new CopyOnWriteArrayList<>();
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(project.id(), event -> {
            if (event instanceof FitEvent.Progress p && p.stage() == FitStage.BUILDING_DESIGN) {
                fits.cancel(p.modelId());
            }
            if (event.isFinal()) {
                deliveredOn.add(Thread.currentThread().getName() + " interrupted="
                        + Thread.currentThread().isInterrupted());
            }
            seen.add(event);
        });
        ModelSpec lasso = frequency(List.of(TermSpec.categorical("Region"), TermSpec.categorical("VehBrand"),
                TermSpec.linear("DrivAge"), TermSpec.linear("BonusMalus")))
                .withFitOptions(new org.atelier.engine.spec.FitOptions(0, 1, 25, 1e-8, org.atelier.engine.spec.PenaltyKind.LASSO, 5, org.atelier.engine.spec.Selection.MIN, 20, 1L));
        fits.start(project.id(), data.id(), lasso);
        await(seen, FitEvent::isFinal);
        unsubscribe.run();

        assertThat(seen.getLast()).isInstanceOf(FitEvent.Cancelled.class);
        assertThat(deliveredOn).singleElement().asString().endsWith("interrupted=false")
                .startsWith("atelier-fit-delivery");
    }

    @Test
    void fitsInterruptedByARestartAreMarkedFailed() {
        var project = projects.create("Restart", "");
        DatasetInfo data = portfolio(project.id(), 100);
        ModelDetail orphan = models.create(project.id(), data.id(), frequency(List.of(TermSpec.linear("VehAge"))));
        models.markFitting(orphan.id());

        assertThat(models.failInterruptedFits()).isEqualTo(1);
        ModelDetail after = models.get(orphan.id());
        assertThat(after.status()).isEqualTo(ModelStatus.FAILED);
        assertThat(after.errorMessage()).isEqualTo("Interrupted by restart");
    }

    private DatasetInfo portfolio(String projectId, int rows) {
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 11, rows);
        return datasets.upload(projectId, "portfolio.csv", file);
    }

    private static void await(List<FitEvent> seen, Predicate<FitEvent> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seen.stream().noneMatch(done)) {
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
