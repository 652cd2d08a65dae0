package org.atelier.engine.fit;

import java.util.List;
import java.util.SplittableRandom;
import org.atelier.engine.Frames;
import org.atelier.engine.TestCsv;
import org.atelier.engine.error.ValidationError;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonotoneTest {
    private static final FitOptions TIGHT = new FitOptions(0, 0, 50, 1e-12, null, null, Selection.MIN, 20, null);
    private static Frame portfolio;

    @BeforeAll
    static void load() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
    }

    private static TermSpec bs(String column, int df, String monotonicity) {
        return new TermSpec(column, TermType.BS, df, null, null, Monotonicity.of(monotonicity), null, null, null, null);
    }

    private static TermSpec linear(String column, String monotonicity) {
        return new TermSpec(column, TermType.LINEAR, null, null, null, Monotonicity.of(monotonicity), null, null, null, null);
    }

    /** η over a fine grid of {@code column} (other columns at the first row's values). */
    private static double[] curve(FittedModel model, String column, int points) {
        double[] values = Frames.numbers(portfolio, column);
        double min = java.util.Arrays.stream(values).min().orElseThrow();
        double max = java.util.Arrays.stream(values).max().orElseThrow();
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = min + (max - min) * i / (points - 1);
        }
        Frames b = Frames.builder().numeric(column, grid);
        double[] ones = new double[points];
        java.util.Arrays.fill(ones, 1);
        b.numeric("Exposure", ones);
        for (String other : List.of("VehAge", "BonusMalus", "DrivAge")) {
            if (!other.equals(column)) {
                double[] v = new double[points];
                java.util.Arrays.fill(v, Frames.numbers(portfolio, other)[0]);
                b.numeric(other, v);
            }
        }
        return model.predictLink(b.build());
    }

    @Test
    void constrainedSplinesAreMonotoneOnAFineGrid() {
        // DrivAge's frequency effect is U-shaped: both constraints have to bite
        for (String direction : List.of("increasing", "decreasing")) {
            FittedModel model = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(bs("DrivAge", 6, direction),
                    TermSpec.linear("BonusMalus"))).withOffset("Exposure").withFitOptions(TIGHT), portfolio);
            double[] eta = curve(model, "DrivAge", 2000);
            for (int i = 1; i < eta.length; i++) {
                double step = eta[i] - eta[i - 1];
                assertTrue(direction.equals("increasing") ? step >= -1e-12 : step <= 1e-12, direction + " at " + i + ": " + step);
            }
        }
        FittedModel free = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(bs("DrivAge", 6, null),
                TermSpec.linear("BonusMalus"))).withOffset("Exposure").withFitOptions(TIGHT), portfolio);
        double[] eta = curve(free, "DrivAge", 2000);
        boolean up = false, down = false;
        for (int i = 1; i < eta.length; i++) {
            up |= eta[i] > eta[i - 1] + 1e-9;
            down |= eta[i] < eta[i - 1] - 1e-9;
        }
        assertTrue(up && down, "the unconstrained curve is not monotone, so the constraints were active");
    }

    @Test
    void anAlreadyMonotoneFitIsReproduced() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 5000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 10;
            double mu = Math.exp(-1 + 0.25 * x[i]);
            // Poisson draw by inversion
            double u = rnd.nextDouble(), p = Math.exp(-mu), cdf = p;
            int k = 0;
            while (u > cdf && k < 1000) {
                k++;
                p *= mu / k;
                cdf += p;
            }
            y[i] = k;
        }
        Frame frame = Frames.builder().numeric("x", x).numeric("y", y).build();
        FittedModel free = GlmFitter.fit(ModelSpec.of("y", "poisson", List.of(bs("x", 5, null))).withFitOptions(TIGHT), frame);
        double[] b = free.coefficients();
        for (int j = 2; j < b.length; j++) {
            assertTrue(b[j] > b[j - 1] && b[1] > 0, "precondition: the free B-spline coefficients already increase");
        }
        FittedModel constrained = GlmFitter.fit(ModelSpec.of("y", "poisson", List.of(bs("x", 5, "increasing"))).withFitOptions(TIGHT), frame);
        // both stop on the same 1e-12 relative deviance change, which leaves η agreeing to ~1e-7
        assertArrayEquals(free.predictLink(frame), constrained.predictLink(frame), 1e-6);
        assertEquals(free.statistics().deviance(), constrained.statistics().deviance(), 1e-10 * free.statistics().deviance());
        assertEquals(free.statistics().aic(), constrained.statistics().aic(), 1e-6);
    }

    @Test
    void linearTermsGetASignConstraint() {
        ModelSpec base = ModelSpec.of("ClaimNb", "poisson", List.of(linear("VehAge", null), TermSpec.linear("BonusMalus")))
                .withOffset("Exposure").withFitOptions(TIGHT);
        FittedModel free = GlmFitter.fit(base, portfolio);
        double beta = free.coefficients()[1];
        String agrees = beta < 0 ? "decreasing" : "increasing";
        String opposes = beta < 0 ? "increasing" : "decreasing";
        FittedModel agreeing = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(linear("VehAge", agrees),
                TermSpec.linear("BonusMalus"))).withOffset("Exposure").withFitOptions(TIGHT), portfolio);
        assertArrayEquals(free.coefficients(), agreeing.coefficients(), 1e-6);
        FittedModel opposing = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(linear("VehAge", opposes),
                TermSpec.linear("BonusMalus"))).withOffset("Exposure").withFitOptions(TIGHT), portfolio);
        assertEquals(0.0, opposing.coefficients()[1], 0.0);
        assertEquals(0.0, opposing.covariance()[1 * 3 + 1], 0.0);
        FittedModel reloaded = ModelSerializer.read(ModelSerializer.write(opposing));
        assertArrayEquals(opposing.predict(portfolio), reloaded.predict(portfolio), 0.0);
    }

    @Test
    void unsupportedMonotonicityIsANamedError() {
        TermSpec area = new TermSpec("Area", TermType.CATEGORICAL, null, null, null, Monotonicity.INCREASING, null, null, null, null);
        var e = assertThrows(ValidationError.class, () -> GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(area)), portfolio));
        assertTrue(e.getMessage().contains("'Area' is categorical: monotonicity applies to linear, expression and bs terms only"), e.getMessage());
        TermSpec smooth = new TermSpec("DrivAge", TermType.BS, null, 8, null, Monotonicity.INCREASING, null, null, null, null);
        e = assertThrows(ValidationError.class, () -> GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(smooth)), portfolio));
        assertTrue(e.getMessage().contains("cannot be monotone-constrained: give the bs df"), e.getMessage());
        TermSpec ns = new TermSpec("DrivAge", TermType.NS, 4, null, null, Monotonicity.INCREASING, null, null, null, null);
        e = assertThrows(ValidationError.class, () -> GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(ns)), portfolio));
        assertTrue(e.getMessage().contains("'DrivAge' is ns: monotonicity applies"), e.getMessage());
    }

    @Test
    void regularizationDoesNotSilentlyDropAMonotonicityConstraint() {
        FitOptions ridge = new FitOptions(0.01, 0, 25, 1e-8, PenaltyKind.RIDGE, null, Selection.MIN, 20, null);
        var e = assertThrows(ValidationError.class, () -> GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson",
                List.of(linear("VehAge", "increasing"), TermSpec.linear("BonusMalus"))).withOffset("Exposure")
                .withFitOptions(ridge), portfolio));
        assertTrue(e.getMessage().contains("'VehAge' is monotone, which regularization does not support"), e.getMessage());
    }
}
