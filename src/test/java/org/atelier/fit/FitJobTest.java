package org.atelier.fit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** A fit's job times every stage the engine reports on its own and says where the fit stands in the fit's terms. */
class FitJobTest {
    private static Frame portfolio;

    @BeforeAll
    static void generate() {
        portfolio = SamplePortfolio.generate(7L, 8_000);
    }

    private static List<FitEvent.Progress> run(FitJob job, List<FitEvent> events, ModelSpec spec) {
        job.enter(FitStage.BUILDING_DESIGN); // as FitService does before it hands the fit to the engine
        GlmFitter.fit(spec, portfolio, new FitSettings(null, job));
        job.enter(FitStage.COMPUTING_DIAGNOSTICS);
        return events.stream().filter(e -> e instanceof FitEvent.Progress).map(e -> (FitEvent.Progress) e).toList();
    }

    private static ModelSpec frequency(List<TermSpec> terms, FitOptions options) {
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure").withFitOptions(options);
    }

    @Test
    void aCvPathIsTimedAsCrossValidationAndFinalRefitNotAsBuildingTheDesign() {
        List<FitEvent> events = new CopyOnWriteArrayList<>();
        FitJob job = new FitJob("m", "p", 25, events::add);
        TermSpec te = new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null);
        List<FitEvent.Progress> progress = run(job, events, frequency(List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"), te), new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.MIN, 8, 1L)));

        assertThat(job.stageTimings()).containsOnlyKeys("building_design", "cv_path", "final_refit",
                "computing_diagnostics");
        assertThat(progress).extracting(FitEvent.Progress::stage).containsSubsequence(FitStage.BUILDING_DESIGN,
                FitStage.CV_PATH, FitStage.FINAL_REFIT, FitStage.COMPUTING_DIAGNOSTICS);
        List<FitEvent.Progress> steps = progress.stream().filter(p -> p.stage() == FitStage.CV_PATH && p.hasDetail()).toList();
        assertThat(steps).isNotEmpty().allSatisfy(p -> assertThat(p.describe()).matches("α [1-8]/8 · (full data|fold [1-5]/5)"));
        assertThat(steps.getFirst().describe()).isEqualTo("α 1/8 · full data"); // a stage's first news is always sent
        assertThat(steps).extracting(FitEvent.Progress::fraction).isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(job.latest().stage()).isEqualTo(FitStage.COMPUTING_DIAGNOSTICS);
    }

    @Test
    void aSmoothIsTimedAsIteratingAndLambdaSearch() {
        List<FitEvent> events = new CopyOnWriteArrayList<>();
        FitJob job = new FitJob("m", "p", 25, events::add);
        TermSpec smooth = new TermSpec("DrivAge", TermType.BS, null, 6, null, null, null, null, null, null);
        List<FitEvent.Progress> progress = run(job, events, frequency(List.of(smooth), FitOptions.DEFAULT));

        assertThat(job.stageTimings()).containsOnlyKeys("building_design", "iterating", "lambda_search",
                "computing_diagnostics");
        assertThat(progress).filteredOn(p -> p.stage() == FitStage.LAMBDA_SEARCH).isNotEmpty()
                .allSatisfy(p -> assertThat(p.describe()).matches("Iteration \\d+ · λ search"));
        assertThat(progress).filteredOn(p -> p.stage() == FitStage.ITERATING && p.hasDetail()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.describe()).matches("Iteration \\d+/50 · deviance [\\d,]+.*"));
        assertThat(progress).extracting(FitEvent.Progress::describe).contains("Iteration 1 · λ search",
                "Iteration 2 · λ search");
    }

    @Test
    void aMonotoneFitReportsItsIterations() {
        List<FitEvent> events = new CopyOnWriteArrayList<>();
        FitJob job = new FitJob("m", "p", 25, events::add);
        TermSpec bonus = new TermSpec("BonusMalus", TermType.LINEAR, null, null, null, Monotonicity.INCREASING, null, null, null, null);
        List<FitEvent.Progress> progress = run(job, events, frequency(List.of(bonus), FitOptions.DEFAULT));

        assertThat(job.stageTimings()).containsOnlyKeys("building_design", "iterating", "computing_diagnostics");
        assertThat(progress).extracting(FitEvent.Progress::describe).anySatisfy(d -> assertThat(d)
                .matches("Iteration 1/50 · deviance [\\d,]+"));
    }
}
