package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.atelier.engine.TestCsv;
import org.atelier.engine.error.CancelledError;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of fit tells its monitor its stages and its progress in its own terms, in order, and stops on cancel. */
class FitMonitorTest {
    private static Frame portfolio;

    @BeforeAll
    static void load() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz").rows(IntStream.range(0, 10_000).toArray());
    }

    /** What a fit reported, one line per call: "stage ITERATING/25", "iteration 3", "alpha 2/6 fold 0/5". */
    static class Recording implements FitMonitor {
        final List<String> seen = new ArrayList<>();

        public void onStage(Stage stage, int limit) {
            seen.add("stage " + stage + "/" + limit);
        }

        public void onIteration(IterationTrace trace) {
            seen.add("iteration " + trace.iteration());
        }

        public void onPathStep(int alpha, int alphas, int fold, int folds) {
            seen.add("alpha " + alpha + "/" + alphas + " fold " + fold + "/" + folds);
        }

        /** The stages in the order entered, repeats of the current one dropped. */
        List<String> stages() {
            List<String> out = new ArrayList<>();
            for (String s : seen) {
                if (s.startsWith("stage ") && (out.isEmpty() || !out.getLast().equals(s))) out.add(s);
            }
            return out;
        }

        List<Integer> iterations() {
            return seen.stream().filter(s -> s.startsWith("iteration ")).map(s -> Integer.parseInt(s.substring(10))).toList();
        }
    }

    private static ModelSpec frequency(List<TermSpec> terms, FitOptions options) {
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure").withFitOptions(options);
    }

    private static Recording fit(ModelSpec spec) {
        Recording monitor = new Recording();
        GlmFitter.fit(spec, portfolio, new FitSettings(null, monitor));
        return monitor;
    }

    private static void assertCountsUp(List<Integer> iterations) {
        assertTrue(!iterations.isEmpty(), "some iterations reported");
        for (int i = 0; i < iterations.size(); i++) {
            assertEquals(i + 1, iterations.get(i), "iterations in order: " + iterations);
        }
    }

    @Test
    void plainIrlsBuildsTheDesignThenIterates() {
        Recording r = fit(frequency(List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus")), FitOptions.DEFAULT));
        assertEquals(List.of("stage BUILDING_DESIGN/0", "stage ITERATING/25"), r.stages().subList(0, 2));
        assertCountsUp(r.iterations());
        assertTrue(r.seen.indexOf("iteration 1") > r.seen.indexOf("stage ITERATING/25"));
    }

    @Test
    void aPenalizedSmoothSearchesLambdaInEveryIteration() {
        TermSpec smooth = new TermSpec("DrivAge", TermType.BS, null, 6, null, null, null, null, null, null);
        Recording r = fit(frequency(List.of(smooth), FitOptions.DEFAULT));
        assertEquals("stage BUILDING_DESIGN/0", r.seen.getFirst());
        List<String> afterDesign = r.seen.subList(1, r.seen.size());
        assertCountsUp(r.iterations());
        // per iteration: λ search, then the step, then the iteration's report
        for (int i = 1; i <= r.iterations().size(); i++) {
            int report = afterDesign.indexOf("iteration " + i);
            assertEquals("stage ITERATING/50", afterDesign.get(report - 1), afterDesign.toString());
            assertEquals("stage LAMBDA_SEARCH/50", afterDesign.get(report - 2), afterDesign.toString());
        }
    }

    @Test
    void aMonotoneFitReportsItsConstrainedIterations() {
        TermSpec bonus = new TermSpec("BonusMalus", TermType.LINEAR, null, null, null, Monotonicity.INCREASING, null, null, null, null);
        Recording r = fit(frequency(List.of(TermSpec.categorical("Area"), bonus), FitOptions.DEFAULT));
        assertEquals(List.of("stage BUILDING_DESIGN/0", "stage ITERATING/50"), r.stages().subList(0, 2));
        assertCountsUp(r.iterations());
    }

    @Test
    void aPenalizedFitAtOneAlphaReportsItsNewtonSteps() {
        FitOptions options = new FitOptions(1e-3, 0.5, 25, 1e-8, PenaltyKind.ELASTIC_NET, null, Selection.MIN, 20, null);
        Recording r = fit(frequency(List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus")), options));
        assertEquals(List.of("stage BUILDING_DESIGN/0", "stage ITERATING/" + options.maxIter()), r.stages()); // the user's max_iter
        assertCountsUp(r.iterations());
    }

    @Test
    void aCvPathReportsEachAlphaStepWithItsFoldsThenTheFinalRefit() {
        assertPathReported(List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas")));
    }

    @Test
    void aCvPathWithReLearnedEncodingsReportsTheSame() {
        TermSpec te = new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null);
        TermSpec fe = new TermSpec("Region", TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null);
        assertPathReported(List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"), te, fe));
    }

    private static void assertPathReported(List<TermSpec> terms) {
        Recording r = fit(frequency(terms, new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.MIN, 6, 1L)));
        assertEquals(List.of("stage BUILDING_DESIGN/0", "stage CV_PATH/6", "stage FINAL_REFIT/0"), r.stages());
        Pattern step = Pattern.compile("alpha (\\d+)/6 fold (\\d+)/5");
        int alpha = 0;
        int fold = 5;
        int cvPath = r.seen.indexOf("stage CV_PATH/6");
        int refit = r.seen.indexOf("stage FINAL_REFIT/0");
        for (int i = cvPath + 1; i < refit; i++) {
            Matcher m = step.matcher(r.seen.get(i));
            assertTrue(m.matches(), r.seen.get(i));
            int a = Integer.parseInt(m.group(1));
            int f = Integer.parseInt(m.group(2));
            if (a != alpha) {
                assertEquals(5, fold, "every fold was done at alpha " + alpha);
                assertEquals(alpha + 1, a, "alpha steps in order");
                assertEquals(0, f, "the full data's fit comes first at each alpha");
            } else {
                assertTrue(f > fold, "folds done only grow: " + r.seen);
            }
            alpha = a;
            fold = f;
        }
        assertEquals(6, alpha);
        assertEquals(5, fold);
    }

    @Test
    void cancellingACvPathStopsItWithinOneAlphaStep() {
        for (boolean encoded : new boolean[] {false, true}) {
            int cancelAfter = 3;
            List<Integer> alphas = new ArrayList<>();
            FitMonitor monitor = new FitMonitor() {
                public void onPathStep(int alpha, int count, int fold, int folds) {
                    alphas.add(alpha);
                }

                public boolean isCancelled() {
                    return alphas.contains(cancelAfter);
                }
            };
            TermSpec brand = encoded ? new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null)
                    : TermSpec.categorical("VehBrand");
            ModelSpec spec = frequency(List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"), brand),
                    new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.MIN, 20, 1L));
            assertThrows(CancelledError.class, () -> GlmFitter.fit(spec, portfolio, new FitSettings(null, monitor)));
            int last = alphas.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(last >= cancelAfter && last <= cancelAfter + 1,
                    "cancelled at alpha step " + cancelAfter + ", the last step reported was " + last);
        }
    }
}
