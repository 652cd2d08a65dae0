package org.atelier.engine.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EffectsTest {
    private static final FitOptions TIGHT = new FitOptions(0, 0, 50, 1e-10, null, null, "min", 20, null);
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
        assertEquals("relativity", area.scale());
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
            assertEquals(Effects.CURVE_POINTS, e.curve().size());
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
        assertEquals(Math.exp(beta * last.x()), last.estimate(), 1e-12);
        double se = Math.sqrt(model.covariance()[model.features().indexOf("VehAge") * (model.features().size() + 1)]);
        assertEquals(Math.exp(beta * last.x() + 1.959963984540054 * se * last.x()), last.upper(), 1e-9);
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
