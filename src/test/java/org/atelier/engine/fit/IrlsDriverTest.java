package org.atelier.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.atelier.engine.Frames;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.ColumnRange;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.family.Binomial;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.Poisson;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.linalg.JavaLinearAlgebra;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;

/**
 * The one IRLS driver, with every kind of step on a small generated portfolio: each reports its iterations to the
 * monitor in order and as its trace, in its own stage words, and stops when cancelled.
 */
class IrlsDriverTest {
    private static final int N = 3000;

    /** Claim counts with exposure over two numeric factors and, when {@code levels > 0}, a categorical one. */
    private static IrlsProblem frequency(int levels, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ones = new double[N];
        double[] age = new double[N];
        double[] density = new double[N];
        int[] region = new int[N];
        double[] y = new double[N];
        double[] offset = new double[N];
        for (int i = 0; i < N; i++) {
            ones[i] = 1;
            age[i] = rnd.nextDouble();
            density[i] = rnd.nextDouble();
            region[i] = levels == 0 ? -1 : rnd.nextInt(levels + 1) - 1;
            offset[i] = Math.log(0.2 + rnd.nextDouble());
            double mu = Math.exp(offset[i] - 1.5 + 0.8 * age[i] - 0.5 * density[i] + (region[i] % 7) * 0.05);
            y[i] = poisson(rnd, mu);
        }
        List<Block> blocks = new ArrayList<>(List.of(new Block.Dense("Intercept", "Intercept", ones),
                new Block.Dense("age", "age", age), new Block.Dense("density", "density", density)));
        if (levels > 0) {
            List<String> names = new ArrayList<>();
            for (int l = 0; l < levels; l++) names.add("region" + l);
            blocks.add(new Block.Categorical(names, "region", region, null));
        }
        double[] prior = new double[N];
        Arrays.fill(prior, 1);
        return new IrlsProblem(new DesignMatrix(N, blocks), y, prior, offset, new Poisson(), Link.LOG,
                new JavaLinearAlgebra());
    }

    private static double poisson(SplittableRandom rnd, double mu) {
        double limit = Math.exp(-mu);
        double product = rnd.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    /** A ridge-like penalty on the two numeric columns: enough for GCV to have a λ to choose. */
    private static SmoothingStep smoothing(IrlsProblem problem) {
        return new SmoothingStep(problem, List.of(new SmoothingPenalty("age+density", new ColumnRange(1, 3),
                new double[] {1, 0, 0, 1})));
    }

    /** An elastic net at a fixed α with glmnet's standardisation. */
    private static IrlsStep elasticNet(IrlsProblem problem) {
        double[] gram = problem.x().gram(problem.prior(), problem.kernel());
        double[] scale = RegularizationPath.scales(gram, N, problem.x().columns(), true);
        return new ElasticNetIrlsStep(new ElasticNetStep(true, scale, N), 2e-3, 0.5, 1e-10, N, null);
    }

    /** Every kind of step, by name, made fresh for a problem (a step keeps what it found in its run). */
    private static List<Kind> kinds() {
        return List.of(
                new Kind("weighted least squares", frequency(0, 1), p -> new WeightedLeastSquares()),
                new Kind("weighted least squares by block elimination", frequency(400, 2), p -> new WeightedLeastSquares()),
                new Kind("penalized smooth", frequency(0, 3), IrlsDriverTest::smoothing),
                new Kind("sign-constrained", frequency(0, 4), p -> new SignConstrainedStep(new int[] {0, 1, -1})),
                new Kind("elastic net", frequency(12, 5), IrlsDriverTest::elasticNet));
    }

    private record Kind(String name, IrlsProblem problem, Function<IrlsProblem, IrlsStep> step) {
        IrlsResult run(FitMonitor monitor) {
            return Irls.run(problem, step.apply(problem), 50, 1e-10, null, monitor);
        }
    }

    @Test
    void everyKindOfStepReportsEachIterationInOrderAsItsTrace() {
        for (Kind kind : kinds()) {
            FitMonitorTest.Recording monitor = new FitMonitorTest.Recording();
            IrlsResult fit = kind.run(monitor);
            assertTrue(fit.converged(), kind.name());
            assertEquals("stage ITERATING/50", monitor.seen.getFirst(), kind.name());
            List<Integer> expected = fit.trace().stream().map(IterationTrace::iteration).toList();
            assertEquals(expected, monitor.iterations(), kind.name());
            assertEquals(fit.iterations(), expected.size(), kind.name());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(i + 1, expected.get(i), kind.name());
            }
            assertEquals(fit.deviance(), fit.trace().getLast().deviance(), kind.name());
            assertTrue(fit.trace().getLast().relativeChange() < 1e-10, kind.name());
        }
    }

    @Test
    void onlyTheSmoothingStepHasAStageOfItsOwnEachIteration() {
        for (Kind kind : kinds()) {
            FitMonitorTest.Recording monitor = new FitMonitorTest.Recording();
            IrlsResult fit = kind.run(monitor);
            long searches = monitor.seen.stream().filter(s -> s.equals("stage LAMBDA_SEARCH/50")).count();
            if (kind.name().equals("penalized smooth")) {
                assertEquals(fit.iterations(), searches);
                for (int i = 1; i <= fit.iterations(); i++) {
                    int report = monitor.seen.indexOf("iteration " + i);
                    assertEquals("stage ITERATING/50", monitor.seen.get(report - 1), monitor.seen.toString());
                    assertEquals("stage LAMBDA_SEARCH/50", monitor.seen.get(report - 2), monitor.seen.toString());
                }
            } else {
                assertEquals(0, searches, kind.name());
                assertEquals(List.of("stage ITERATING/50"), monitor.stages(), kind.name());
            }
        }
    }

    @Test
    void everyKindOfStepStopsWhenCancelledBetweenIterations() {
        for (Kind kind : kinds()) {
            FitMonitorTest.Recording monitor = new FitMonitorTest.Recording() {
                @Override
                public boolean isCancelled() {
                    return iterations().size() >= 2;
                }
            };
            CancelledError error = assertThrows(CancelledError.class, () -> kind.run(monitor), kind.name());
            assertEquals("Fit cancelled after 2 iterations", error.getMessage(), kind.name());
            assertEquals(List.of(1, 2), monitor.iterations(), kind.name());
        }
    }

    @Test
    void theSmoothingStepStopsWhenCancelledDuringItsLambdaSearch() {
        IrlsProblem problem = frequency(0, 3);
        FitMonitorTest.Recording monitor = new FitMonitorTest.Recording() {
            @Override
            public boolean isCancelled() {
                return seen.contains("stage LAMBDA_SEARCH/50");
            }
        };
        CancelledError error = assertThrows(CancelledError.class,
                () -> Irls.run(problem, smoothing(problem), 50, 1e-10, null, monitor));
        assertEquals("Fit cancelled in the smoothing parameter search of iteration 1", error.getMessage());
        assertEquals(List.of(), monitor.iterations());
    }

    @Test
    void anInterruptedThreadStopsTheFitBeforeItsFirstIteration() {
        for (Kind kind : kinds()) {
            Thread.currentThread().interrupt();
            try {
                FitMonitorTest.Recording monitor = new FitMonitorTest.Recording();
                assertThrows(CancelledError.class, () -> kind.run(monitor), kind.name());
                assertEquals(List.of(), monitor.iterations(), kind.name());
            } finally {
                Thread.interrupted();
            }
        }
    }

    /**
     * Binomial with a log link from R's starting values: the first step leaves (0, 1), where glm.fit gives up. The
     * driver halves from the intercept-only fit instead, for every kind of step alike.
     */
    @Test
    void aFirstStepOutsideTheDomainIsHalvedFromTheInterceptOnlyFitWhateverTheStep() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] ones = new double[N];
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            ones[i] = 1;
            x[i] = rnd.nextDouble();
            y[i] = rnd.nextDouble() < Math.exp(-3 + 2.98 * x[i]) ? 1 : 0;
        }
        double[] prior = new double[N];
        Arrays.fill(prior, 1);
        Family binomial = new Binomial();
        IrlsProblem problem = new IrlsProblem(new DesignMatrix(N, List.of(new Block.Dense("Intercept", "Intercept", ones),
                new Block.Dense("x", "x", x))), y, prior, null, binomial, Link.LOG, new JavaLinearAlgebra());
        IrlsResult plain = Irls.run(problem, new WeightedLeastSquares(), 100, 1e-10, null, FitMonitor.NONE);
        IrlsResult signed = Irls.run(problem, new SignConstrainedStep(new int[] {0, 1}), 100, 1e-10, null, FitMonitor.NONE);
        assertTrue(plain.converged() && signed.converged());
        assertTrue(plain.trace().getFirst().stepHalvings() > 0, "the first step was halved: " + plain.trace());
        assertTrue(Arrays.stream(plain.mu()).allMatch(m -> m > 0 && m < 1));
        // the unconstrained optimum has a positive slope, so the constraint is not binding: the same fit
        assertTrue(plain.beta()[1] > 0);
        assertEquals(plain.deviance(), signed.deviance(), 1e-8 * plain.deviance());
        for (int j = 0; j < 2; j++) {
            assertEquals(plain.beta()[j], signed.beta()[j], 1e-6);
        }
    }

    /** A penalized fit at one α reports its Newton steps, and the fitted model keeps them as its trace. */
    @Test
    void aPenalizedFitAtOneAlphaKeepsTheStepsItReportedAsItsTrace() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] age = new double[N];
        double[] claims = new double[N];
        for (int i = 0; i < N; i++) {
            age[i] = rnd.nextDouble();
            claims[i] = poisson(rnd, Math.exp(-1 + age[i]));
        }
        Frame frame = Frames.builder().numeric("age", age).numeric("claims", claims).build();
        ModelSpec spec = ModelSpec.of("claims", "poisson", List.of(TermSpec.linear("age")))
                .withFitOptions(new FitOptions(1e-3, 0.5, 25, 1e-8, PenaltyKind.ELASTIC_NET, null, Selection.MIN, 20, null));
        FitMonitorTest.Recording monitor = new FitMonitorTest.Recording();
        FittedModel model = GlmFitter.fit(spec, frame, new FitSettings(null, monitor));
        assertTrue(!monitor.iterations().isEmpty());
        assertEquals(monitor.iterations(), model.trace().stream().map(IterationTrace::iteration).toList());
    }
}
