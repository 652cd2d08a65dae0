package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.TestCsv;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.summary.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegularizationPathTest {
    private static Frame portfolio;

    @BeforeAll
    static void load() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
    }

    private static ModelSpec spec(String selection, long seed) {
        TermSpec te = new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null);
        return ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), TermSpec.categorical("Region"),
                        TermSpec.linear("BonusMalus"), TermSpec.linear("VehAge"), TermSpec.linear("DrivAge"), te))
                .withOffset("Exposure")
                .withFitOptions(new FitOptions(0, 0.5, 50, 1e-10, PenaltyKind.ELASTIC_NET, 5, Selection.of(selection), 12, seed));
    }

    @Test
    void pathRunsFromAllZeroDownToTheMinRatioAndCvChoosesOnIt() {
        FittedModel model = GlmFitter.fit(spec("min", 1), portfolio);
        Regularization r = model.regularization();
        assertEquals(12, r.path().size());
        assertEquals(r.alphaMax(), r.path().getFirst().alpha(), 0.0);
        assertEquals(0, r.path().getFirst().nonZero(), "at alpha_max every penalized coefficient is zero");
        assertTrue(r.path().get(1).nonZero() > 0, "just below alpha_max something enters");
        assertEquals(1e-4 * r.alphaMax(), r.path().getLast().alpha(), 1e-12 * r.alphaMax());
        for (int a = 1; a < r.path().size(); a++) {
            assertTrue(r.path().get(a).alpha() < r.path().get(a - 1).alpha());
            assertTrue(r.path().get(a).deviance() <= r.path().get(a - 1).deviance() * (1 + 1e-9), "training deviance falls along the path");
        }
        int best = 0;
        for (int a = 0; a < r.cv().size(); a++) {
            assertTrue(r.cv().get(a).standardError() > 0);
            if (r.cv().get(a).meanDeviance() < r.cv().get(best).meanDeviance()) best = a;
        }
        assertEquals(r.cv().get(best).alpha(), r.alpha(), 0.0);
        assertEquals(5, r.folds());
        List<String> nonZero = new ArrayList<>();
        for (int j = 1; j < model.coefficients().length; j++) {
            if (model.coefficients()[j] != 0) nonZero.add(model.features().get(j));
        }
        assertEquals(nonZero, r.selectedFeatures());
        assertEquals(r.path().get(best).deviance(), model.statistics().deviance(), 1e-9 * model.statistics().deviance());
    }

    @Test
    void oneStandardErrorRuleTakesTheLargestAlphaWithinOneSe() {
        Regularization min = GlmFitter.fit(spec("min", 1), portfolio).regularization();
        Regularization se = GlmFitter.fit(spec("1se", 1), portfolio).regularization();
        assertTrue(se.alpha() >= min.alpha());
        Regularization.CvPoint best = min.cv().stream().filter(p -> p.alpha() == min.alpha()).findFirst().orElseThrow();
        for (Regularization.CvPoint p : se.cv()) {
            boolean within = p.meanDeviance() <= best.meanDeviance() + best.standardError();
            if (p.alpha() > se.alpha()) assertTrue(!within, "a larger alpha within one se would have been chosen");
            if (p.alpha() == se.alpha()) assertTrue(within);
        }
    }

    @Test
    void sameSeedSameResultOtherSeedOtherFolds() {
        FittedModel a = GlmFitter.fit(spec("min", 7), portfolio);
        FittedModel b = GlmFitter.fit(spec("min", 7), portfolio);
        FittedModel c = GlmFitter.fit(spec("min", 8), portfolio);
        assertArrayEquals(a.coefficients(), b.coefficients());
        assertEquals(a.regularization(), b.regularization());
        assertTrue(!a.regularization().cv().equals(c.regularization().cv()));
        FittedModel reloaded = ModelSerializer.read(ModelSerializer.write(a));
        assertEquals(a.regularization(), reloaded.regularization());
        assertArrayEquals(a.predict(portfolio), reloaded.predict(portfolio), 0.0);
        assertTrue(Summary.render(a).contains("Penalty:"));
    }

    @Test
    void aValidationFoldIsTargetEncodedFromItsTrainingFoldsOnly() {
        ModelSpec spec = spec("min", 1);
        FittedModel model = GlmFitter.fit(spec, portfolio);
        int n = portfolio.rowCount();
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> i % 5 != 0).toArray();
        int[] validation = java.util.stream.IntStream.range(0, n).filter(i -> i % 5 == 0).toArray();
        double[] relearned = PenalizedFits.folds(spec, portfolio, model.link(), model.encoders())
                .relearned(train, validation).get("TE(VehBrand)");
        double[] encoded = org.atelier.engine.design.DesignMatrix.pick(relearned, validation);
        // what the training rows alone say: (claims + P)/(exposure + 1) per brand, P their overall rate
        Frame rows = portfolio.rows(train);
        double[] claims = org.atelier.engine.Frames.numbers(rows, "ClaimNb");
        double[] exposure = org.atelier.engine.Frames.numbers(rows, "Exposure");
        var brand = (org.atelier.engine.frame.StringColumn) rows.column("VehBrand").orElseThrow();
        java.util.Map<String, double[]> sums = new java.util.HashMap<>();
        double c = 0, e = 0;
        for (int i = 0; i < claims.length; i++) {
            sums.computeIfAbsent(brand.value(i), k -> new double[2]);
            sums.get(brand.value(i))[0] += claims[i];
            sums.get(brand.value(i))[1] += exposure[i];
            c += claims[i];
            e += exposure[i];
        }
        double prior = c / e;
        var validationBrand = (org.atelier.engine.frame.StringColumn) portfolio.rows(validation).column("VehBrand").orElseThrow();
        var fullData = (org.atelier.engine.design.LevelEncoder) model.encoders().stream()
                .filter(x -> x instanceof org.atelier.engine.design.LevelEncoder).findFirst().orElseThrow();
        boolean differsFromFullData = false;
        for (int i = 0; i < validation.length; i++) {
            double[] s = sums.get(validationBrand.value(i));
            assertEquals((s[0] + prior) / (s[1] + 1), encoded[i], 1e-12);
            differsFromFullData |= encoded[i] != fullData.values()[fullData.levels().indexOf(validationBrand.value(i))];
        }
        assertTrue(differsFromFullData);
    }
}
