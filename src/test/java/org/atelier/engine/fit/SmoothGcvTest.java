package org.atelier.engine.fit;

import java.util.List;
import java.util.SplittableRandom;
import org.atelier.engine.Frames;
import org.atelier.engine.TestCsv;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.effect.Effects;
import org.atelier.engine.effect.TermEffect;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.summary.Summary;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmoothGcvTest {
    private static final FitOptions TIGHT = new FitOptions(0, 0, 50, 1e-12, null, null, Selection.MIN, 20, null);

    private static TermSpec smooth(String column, Integer k) {
        return new TermSpec(column, TermType.BS, null, k, null, null, null, null, null, null);
    }

    private static Frame wiggly(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 10;
            y[i] = Math.sin(x[i]) + 0.3 * x[i] + rnd.nextGaussian() * 0.5;
        }
        return Frames.builder().numeric("x", x).numeric("y", y).build();
    }

    /** GCV of the gaussian fit at fixed λ, computed from its residuals and edf: n·RSS/(n - edf)². */
    private static double bruteForceGcv(DesignMatrix x, double[] y, SplineEncoder spline, double lambda) {
        int n = y.length;
        double[] prior = new double[n];
        java.util.Arrays.fill(prior, 1);
        var penalty = new SmoothingPenalty("x", new org.atelier.engine.design.ColumnRange(1, 1 + spline.df()), spline.penalty());
        var problem = new IrlsProblem(x, y, prior, null, org.atelier.engine.family.Family.of("gaussian", 1.5, Double.NaN),
                org.atelier.engine.family.Link.IDENTITY, LinearAlgebras.byName("java"));
        var step = new SmoothingStep(problem, List.of(penalty), new double[] {lambda});
        var fit = Irls.run(problem, step, 5, 1e-14, null, FitMonitor.NONE);
        var influence = step.influence(problem, fit);
        int p = x.columns();
        double edf = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                edf += influence.penalizedInverse()[a * p + b] * influence.gram()[b * p + a];
            }
        }
        double rss = 0;
        for (int i = 0; i < n; i++) {
            rss += (y[i] - fit.mu()[i]) * (y[i] - fit.mu()[i]);
        }
        return n * rss / ((n - edf) * (n - edf));
    }

    @Test
    void chosenLambdaIsTheMinimumOfABruteForceGcvGrid() {
        Frame frame = wiggly(2000, 1);
        FittedModel model = GlmFitter.fit(ModelSpec.of("y", "gaussian", List.of(smooth("x", 12))).withFitOptions(TIGHT), frame);
        Smooth s = model.smooths().getFirst();
        assertEquals(12, s.k());
        assertTrue(s.edf() > 2 && s.edf() < 12, "a wiggly curve: between a line and the full basis, got " + s.edf());
        SplineEncoder spline = (SplineEncoder) model.encoders().getFirst();
        DesignMatrix x = Encoders.design(model.encoders(), true, frame);
        double[] y = Frames.numbers(frame, "y");
        double atChosen = bruteForceGcv(x, y, spline, s.lambda());
        double bestGrid = Double.POSITIVE_INFINITY;
        double bestLambda = Double.NaN;
        for (int g = 0; g <= 200; g++) {
            double lambda = s.lambda() * Math.pow(10, -4 + 8.0 * g / 200);
            double v = bruteForceGcv(x, y, spline, lambda);
            if (v < bestGrid) {
                bestGrid = v;
                bestLambda = lambda;
            }
        }
        assertTrue(atChosen <= bestGrid * (1 + 1e-9), atChosen + " > grid minimum " + bestGrid);
        assertTrue(Math.abs(Math.log10(bestLambda / s.lambda())) <= 8.0 / 200 + 1e-9,
                "grid argmin " + bestLambda + " next to the chosen " + s.lambda());
        // the only smooth's edf is the model's total less the intercept
        assertEquals(Math.round(s.edf()), model.statistics().dfModel());
    }

    @Test
    void defaultSmoothHasTenColumnsAndAPoissonFitWithExposureWorks() {
        Frame portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        TermSpec drivAge = new TermSpec("DrivAge", TermType.BS, null, null, null, null, null, null, null, null);
        TermSpec density = new TermSpec("Density", TermType.NS, null, 6, null, null, null, null, null, null);
        FittedModel model = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(drivAge, density, TermSpec.categorical("Area")))
                .withOffset("Exposure").withFitOptions(TIGHT), portfolio);
        assertEquals(2, model.smooths().size());
        assertEquals(10, model.smooths().getFirst().k());
        assertTrue(model.features().contains("bs(DrivAge, 10/10)"));
        assertTrue(model.features().contains("ns(Density, 6/6)"));
        for (Smooth s : model.smooths()) {
            assertTrue(s.edf() >= 0.99 && s.edf() <= s.k() + 1e-9, s.toString());
            assertTrue(s.lambda() > 0);
        }
        assertTrue(Summary.render(model).contains("edf / lambda:"));
        TermEffect curve = Effects.of(model, portfolio).getFirst();
        assertEquals(TermType.BS, curve.type());
        assertTrue(curve.curve().stream().allMatch(p -> p.lower() <= p.estimate() && p.estimate() <= p.upper()));
        FittedModel reloaded = ModelSerializer.read(ModelSerializer.write(model));
        assertEquals(model.smooths(), reloaded.smooths());
        assertArrayEquals(model.predict(portfolio), reloaded.predict(portfolio), 0.0);
    }

    @Test
    void smoothsAreMainEffectsAndDoNotMixWithRegularization() {
        Frame frame = wiggly(200, 2);
        var e = assertThrows(ValidationError.class, () -> GlmFitter.fit(ModelSpec.of("y", "gaussian", List.of(smooth("x", null)))
                .withFitOptions(new FitOptions(0.1, 0, 25, 1e-8, PenaltyKind.RIDGE, null, Selection.MIN, 20, null)), frame));
        assertTrue(e.getMessage().contains("is a penalized smooth, which regularization does not support"), e.getMessage());
        Frame withZ = Frames.with(frame, Frames.builder().numeric("z", Frames.numbers(frame, "x")).build().columns().getFirst());
        e = assertThrows(ValidationError.class, () -> GlmFitter.fit(ModelSpec.of("y", "gaussian", List.of(TermSpec.linear("z")))
                .withInteractions(List.of(InteractionSpec.of(smooth("x", null), TermSpec.linear("z"), false))), withZ));
        assertTrue(e.getMessage().contains("needs df inside an interaction"), e.getMessage());
        e = assertThrows(ValidationError.class, () -> GlmFitter.fit(ModelSpec.of("y", "gaussian", List.of(smooth("x", 3))), frame));
        assertTrue(e.getMessage().contains("k ≥ 4"), e.getMessage());
    }
}
