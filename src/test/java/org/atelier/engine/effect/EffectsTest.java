package org.atelier.engine.effect;

import java.util.Arrays;
import java.util.List;
import org.atelier.engine.Frames;
import org.atelier.engine.TestCsv;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffectsTest {
    private static final FitOptions TIGHT = new FitOptions(0, 0, 50, 1e-10, null, null, Selection.MIN, 20, null);
    private static Frame portfolio;
    private static FittedModel model;

    @BeforeAll
    static void fit() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        model = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.linear("VehAge"), TermSpec.bs("DrivAge", 5, 3), TermSpec.expression("BM2", "(BonusMalus / 100) ** 2")))
                .withOffset("Exposure").withFitOptions(TIGHT), portfolio);
    }

    private static TermEffect effect(String term) {
        return Effects.of(model, portfolio).stream().filter(e -> e.term().equals(term)).findFirst().orElseThrow();
    }

    @Test
    void categoricalLevelsCarryRelativitiesAndExposure() {
        TermEffect area = effect("Area");
        assertEquals(EffectScale.RELATIVITY, area.scale());
        assertEquals("A", area.baseLevel());
        assertEquals(List.of("A", "B", "C", "D", "E", "F"), area.levels().stream().map(TermEffect.LevelEffect::level).toList());
        assertEquals(1.0, area.levels().getFirst().estimate());
        double beta = model.coefficients()[model.features().indexOf("Area[T.C]")];
        assertEquals(Math.exp(beta), area.levels().get(2).estimate(), 1e-14);
        double total = Arrays.stream(((NumericColumn) portfolio.column("Exposure").orElseThrow()).values()).sum();
        assertEquals(total, area.levels().stream().mapToDouble(TermEffect.LevelEffect::exposure).sum(), 1e-6);
        assertTrue(area.levels().stream().allMatch(l -> l.lower() <= l.estimate() && l.estimate() <= l.upper()));
    }

    @Test
    void curvesMatchTheModelsOwnPredictionsOnTheGrid() {
        double intercept = model.coefficients()[0];
        for (String term : List.of("VehAge", "DrivAge", "BM2")) {
            TermEffect e = effect(term);
            // the grid over the data range, plus the base value where it is not a grid point
            assertTrue(e.curve().size() == Effects.CURVE_POINTS || e.curve().size() == Effects.CURVE_POINTS + 1);
            assertEquals(1.0, e.curve().stream().filter(p -> p.x() == e.base()).findFirst().orElseThrow().estimate());
            // Moving one variable while the others stay at a fixed row changes log μ by exactly the curve's change
            String column = term.equals("BM2") ? "BonusMalus" : term;
            double[] x = e.curve().stream().mapToDouble(TermEffect.EffectPoint::x).toArray();
            Frame grid = gridFrame(column, x);
            double[] eta = model.predictLink(grid);
            for (int g = 0; g < x.length; g++) {
                double f = Math.log(e.curve().get(g).estimate());
                assertEquals(eta[g] - eta[0], f - Math.log(e.curve().getFirst().estimate()), 1e-10, term + " at " + x[g]);
                assertTrue(e.curve().get(g).lower() <= e.curve().get(g).estimate());
            }
            assertTrue(Math.abs(eta[0] - intercept) < 50);
        }
        TermEffect vehAge = effect("VehAge");
        double beta = model.coefficients()[model.features().indexOf("VehAge")];
        TermEffect.EffectPoint last = vehAge.curve().getLast();
        double b = vehAge.base();
        assertEquals(Math.exp(beta * (last.x() - b)), last.estimate(), 1e-12);
        double se = Math.sqrt(model.covariance()[model.features().indexOf("VehAge") * (model.features().size() + 1)]);
        assertEquals(Math.exp(beta * (last.x() - b) + 1.959963984540054 * se * (last.x() - b)), last.upper(), 1e-9);
    }

    /**
     * Exposure 0.1 on x = 1..5 and 1 on x = 6..10 (5.5 in all): the exposure-weighted median is 8, the first value
     * with at least 2.75 of exposure at or below it (0.5 + 1 + 1 + 1), where the plain median would be 5 or 5.5.
     */
    private static Frame smallPortfolio(boolean heavyFirstRow) {
        return Frames.builder().numeric("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).numeric("y", 0, 0, 1, 0, 0, 1, 0, 2, 1, 3)
                .numeric("exposure", 0.1, 0.1, 0.1, 0.1, 0.1, 1, 1, 1, 1, 1)
                .numeric("w", heavyFirstRow ? 20 : 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).build();
    }

    @Test
    void aLinearCurveIsExpOfBetaTimesTheDistanceFromTheExposureWeightedMedian() {
        Frame small = smallPortfolio(false);
        FittedModel linear = GlmFitter.fit(ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x")))
                .withOffset("exposure").withFitOptions(TIGHT), small);
        TermEffect x = Effects.of(linear, small).getFirst();
        assertEquals(8.0, x.base());
        assertEquals("exposure-weighted median", x.baseRule());
        double beta = linear.coefficients()[1];
        double se = Math.sqrt(linear.covariance()[3]);
        for (TermEffect.EffectPoint p : x.curve()) {
            assertEquals(Math.exp(beta * (p.x() - 8)), p.estimate(), 1e-12, "at " + p.x());
            assertEquals(Math.exp(beta * (p.x() - 8) - 1.959963984540054 * se * Math.abs(p.x() - 8)),
                    Math.min(p.lower(), p.upper()), 1e-12);
        }
        assertEquals(1.0, x.curve().stream().filter(p -> p.x() == 8).findFirst().orElseThrow().estimate());
        // prior weights multiply the exposure: row 1 now carries 20 × 0.1 = 2 of 7.4, so the median moves to 7
        Frame weighted = smallPortfolio(true);
        FittedModel withWeights = GlmFitter.fit(ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x")))
                .withOffset("exposure").withWeights("w").withFitOptions(TIGHT), weighted);
        assertEquals(7.0, Effects.of(withWeights, weighted).getFirst().base());
        // no exposure, no weights: the plain (lower) median
        FittedModel plain = GlmFitter.fit(ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x"))).withFitOptions(TIGHT), small);
        assertEquals(5.0, Effects.of(plain, small).getFirst().base());
        assertEquals("median", Effects.of(plain, small).getFirst().baseRule());
    }

    @Test
    void aSplineCurveIsOneAtItsBaseAndRedrawsAtAnother() {
        TermEffect drivAge = effect("DrivAge");
        double b = drivAge.base();
        double[] ages = Arrays.stream(((NumericColumn) portfolio.column("DrivAge").orElseThrow()).values()).toArray();
        double[] exposure = ((NumericColumn) portfolio.column("Exposure").orElseThrow()).values();
        assertEquals(Effects.weightedMedian(ages, exposure, null), b);
        assertEquals(1.0, drivAge.curve().stream().filter(p -> p.x() == b).findFirst().orElseThrow().estimate());
        double[] xs = drivAge.curve().stream().mapToDouble(TermEffect.EffectPoint::x).filter(x -> x != b).toArray();
        TermEffect at30 = Effects.curve(model, "DrivAge", xs, 30).orElseThrow();
        assertEquals(30.0, at30.base());
        TermEffect.EffectPoint one = at30.curve().stream().filter(p -> p.x() == 30).findFirst().orElseThrow();
        assertEquals(1.0, one.estimate());
        assertEquals(1.0, one.lower());
        // the same curve, divided by its value at 30
        double[] eta = model.predictLink(gridFrame("DrivAge", new double[] {30, b, xs[7]}));
        TermEffect.EffectPoint p7 = at30.curve().stream().filter(p -> p.x() == xs[7]).findFirst().orElseThrow();
        assertEquals(Math.exp(eta[2] - eta[0]), p7.estimate(), 1e-10);
        assertTrue(Effects.curve(model, "Area", xs, 30).isEmpty());
    }

    /** Rows that equal the first training row except for {@code column}, which runs over {@code x}. */
    private static Frame gridFrame(String column, double[] x) {
        Frames b = Frames.builder();
        b.text("Area", repeat("C", x.length));
        for (String c : List.of("VehAge", "DrivAge", "BonusMalus", "Exposure")) {
            double[] v = new double[x.length];
            Arrays.fill(v, c.equals(column) ? 0 : ((NumericColumn) portfolio.column(c).orElseThrow()).values()[0]);
            if (c.equals(column)) {
                v = x;
            }
            b.numeric(c, v);
        }
        return b.build();
    }

    private static String[] repeat(String s, int n) {
        String[] out = new String[n];
        Arrays.fill(out, s);
        return out;
    }
}
