package org.atelier.engine.design;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.engine.Frames;
import org.atelier.engine.TestCsv;
import org.atelier.engine.effect.Effects;
import org.atelier.engine.effect.TermEffect;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelEncodingTest {
    private static Frame portfolio;

    @BeforeAll
    static void load() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
    }

    private static TermSpec te(String column, Double priorWeight, Integer permutations) {
        return new TermSpec(column, TermType.TARGET_ENCODING, null, null, null, null, null, null, priorWeight, permutations);
    }

    private static TermSpec fe(String column) {
        return new TermSpec(column, TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null);
    }

    private static ModelSpec frequency(List<TermSpec> terms, long seed) {
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure")
                .withFitOptions(new FitOptions(0, 0, 50, 1e-10, null, null, Selection.MIN, 20, seed));
    }

    private static LevelEncoder encoder(FittedModel model, String feature) {
        return model.encoders().stream().filter(e -> e instanceof LevelEncoder l && l.feature().equals(feature))
                .map(e -> (LevelEncoder) e).findFirst().orElseThrow();
    }

    @Test
    void frequencyEncodingIsTheShareOfRows() {
        FittedModel model = GlmFitter.fit(frequency(List.of(fe("VehBrand"), TermSpec.linear("BonusMalus")), 1), portfolio);
        assertTrue(model.features().contains("FE(VehBrand)"));
        LevelEncoder fe = encoder(model, "FE(VehBrand)");
        StringColumn brand = (StringColumn) portfolio.column("VehBrand").orElseThrow();
        int b12 = 0;
        for (int i = 0; i < brand.size(); i++) {
            if (brand.value(i).equals("B12")) b12++;
        }
        assertEquals((double) b12 / brand.size(), fe.values()[fe.levels().indexOf("B12")], 1e-15);
        assertEquals(1.0, Arrays.stream(fe.values()).sum(), 1e-12);
    }

    @Test
    void targetStatisticIsClaimsOverExposureShrunkToThePrior() {
        FittedModel model = GlmFitter.fit(frequency(List.of(te("VehBrand", 2.0, null)), 7), portfolio);
        LevelEncoder te = encoder(model, "TE(VehBrand)");
        StringColumn brand = (StringColumn) portfolio.column("VehBrand").orElseThrow();
        double[] claims = ((NumericColumn) portfolio.column("ClaimNb").orElseThrow()).values();
        double[] exposure = ((NumericColumn) portfolio.column("Exposure").orElseThrow()).values();
        double c = 0, e = 0, cAll = 0, eAll = 0;
        for (int i = 0; i < claims.length; i++) {
            cAll += claims[i];
            eAll += exposure[i];
            if (brand.value(i).equals("B1")) {
                c += claims[i];
                e += exposure[i];
            }
        }
        double prior = cAll / eAll;
        assertEquals(prior, te.unseen(), 1e-15);
        assertEquals((c + 2 * prior) / (e + 2), te.values()[te.levels().indexOf("B1")], 1e-12);
        // new data (and the relativities view) see the full-data statistic; training saw the ordered one
        double[] forNewData = ((Block.Dense) te.encode(portfolio).getFirst()).values();
        assertFalse(Arrays.equals(forNewData, te.training()));
    }

    /** The ordered statistic exactly as defined, row by row in each seeded order: the same doubles, not just close. */
    @Test
    void orderedStatisticIsTheRunningLevelAverageOverSeededOrders() {
        int n = 5_000;
        SplittableRandom data = new SplittableRandom(5);
        String[] labels = {"L3", "L1", "L2", "L0"};
        int[] codes = new int[n];
        double[] t = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = data.nextInt(labels.length);
            t[i] = data.nextInt(3);
            e[i] = 0.1 + data.nextDouble();
        }
        Frame frame = new Frame(List.of(new StringColumn("F", codes, labels)));
        LevelEncoder te = LevelEncoder.target(frame, List.of("F"), new LevelEncoder.Target(t, e, 42L), 2.0, 3);
        double totalT = 0;
        double totalE = 0;
        for (int i = 0; i < n; i++) {
            totalT += t[i];
            totalE += e[i];
        }
        double prior = totalT / totalE;
        List<String> sorted = List.of("L0", "L1", "L2", "L3");
        double[] expected = new double[n];
        SplittableRandom random = new SplittableRandom(42L);
        for (int k = 0; k < 3; k++) {
            int[] order = java.util.stream.IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double[] sumT = new double[4];
            double[] sumE = new double[4];
            for (int r : order) {
                int l = sorted.indexOf(labels[codes[r]]);
                expected[r] += (sumT[l] + 2 * prior) / (sumE[l] + 2) / 3;
                sumT[l] += t[r];
                sumE[l] += e[r];
            }
        }
        assertArrayEquals(expected, te.training(), 0.0);
    }

    @Test
    void aRowsOwnResponseNeverEntersItsTrainingValue() {
        Frame frame = portfolio;
        double[] y = ((NumericColumn) frame.column("ClaimNb").orElseThrow()).values().clone();
        // move one claim from another region's row to this row: the overall prior stays the same
        StringColumn region = (StringColumn) frame.column("Region").orElseThrow();
        int row = 123;
        int donor = 0;
        while (y[donor] < 1 || region.value(donor).equals(region.value(row))) donor++;
        y[row] += 1;
        y[donor] -= 1;
        Frame changed = Frames.with(frame, new NumericColumn("ClaimNb", y, true));
        ModelSpec spec = frequency(List.of(te("Region", null, 4)), 11);
        LevelEncoder before = encoder(GlmFitter.fit(spec, frame), "TE(Region)");
        LevelEncoder after = encoder(GlmFitter.fit(spec, changed), "TE(Region)");
        assertEquals(before.training()[row], after.training()[row], 0.0);
        int changedRows = 0;
        for (int i = 0; i < y.length; i++) {
            if (before.training()[i] != after.training()[i]) changedRows++;
        }
        assertTrue(changedRows > 0, "rows after it in some order do see it");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherOrders() {
        ModelSpec spec = frequency(List.of(te("VehBrand", null, null), fe("Region"), TermSpec.linear("BonusMalus")), 42)
                .withInteractions(List.of(new InteractionSpec(TermSpec.categorical("VehBrand"), TermSpec.categorical("Area"),
                        false, true, false, 3.0, 2)));
        FittedModel a = GlmFitter.fit(spec, portfolio);
        FittedModel b = GlmFitter.fit(spec, portfolio);
        assertArrayEquals(a.coefficients(), b.coefficients());
        assertArrayEquals(a.covariance(), b.covariance());
        assertArrayEquals(encoder(a, "TE(VehBrand)").training(), encoder(b, "TE(VehBrand)").training());
        assertArrayEquals(withoutDuration(a), withoutDuration(b));
        FittedModel c = GlmFitter.fit(spec.withFitOptions(new FitOptions(0, 0, 50, 1e-10, null, null, Selection.MIN, 20, 43L)), portfolio);
        assertFalse(Arrays.equals(encoder(a, "TE(VehBrand)").training(), encoder(c, "TE(VehBrand)").training()));
        assertEquals(List.of("Intercept", "TE(VehBrand)", "FE(Region)", "BonusMalus", "TE(VehBrand:Area)"), a.features());
    }

    private static byte[] withoutDuration(FittedModel m) {
        var s = m.statistics();
        var fixed = new org.atelier.engine.fit.FitStatistics(s.converged(), s.iterations(), s.deviance(), s.nullDeviance(),
                s.aic(), s.bic(), s.dfModel(), s.dfResid(), s.nObs(), s.dispersion(), s.theta(), s.tStatistics(), 0, s.backend());
        return ModelSerializer.write(new FittedModel(m.spec(), m.family(), m.link(), m.encoders(), m.features(),
                m.factorNames(), m.coefficients(), m.covariance(), fixed, m.trace()));
    }

    @Test
    void reloadedModelPredictsWithTheFullDataStatisticAndUnseenLevelsGetThePrior() {
        ModelSpec spec = frequency(List.of(te("VehBrand", null, null), TermSpec.categorical("Area")), 5)
                .withInteractions(List.of(new InteractionSpec(TermSpec.categorical("Region"), TermSpec.categorical("Area"),
                        false, false, true)));
        FittedModel model = GlmFitter.fit(spec, portfolio);
        FittedModel reloaded = ModelSerializer.read(ModelSerializer.write(model));
        assertArrayEquals(model.predict(portfolio), reloaded.predict(portfolio), 0.0);
        assertTrue(model.features().contains("FE(Region:Area)"));
        Frame unseen = Frames.builder().text("VehBrand", "NEW").text("Area", "A").text("Region", "R11")
                .numeric("Exposure", 1.0).build();
        double beta = model.coefficients()[model.features().indexOf("TE(VehBrand)")];
        double feBeta = model.coefficients()[model.features().indexOf("FE(Region:Area)")];
        LevelEncoder fe = encoder(model, "FE(Region:Area)");
        double expected = model.coefficients()[0] + beta * encoder(model, "TE(VehBrand)").unseen()
                + feBeta * fe.values()[fe.levels().indexOf("R11:A")];
        assertEquals(expected, reloaded.predictLink(unseen)[0], 1e-12);
    }

    @Test
    void effectsShowEachLevelsEncodedValue() {
        FittedModel model = GlmFitter.fit(frequency(List.of(te("VehBrand", null, null)), 3), portfolio);
        TermEffect effect = Effects.of(model, portfolio).getFirst();
        assertEquals(TermType.TARGET_ENCODING, effect.type());
        assertEquals("TE(VehBrand)", effect.term());
        LevelEncoder te = encoder(model, "TE(VehBrand)");
        double beta = model.coefficients()[1];
        for (int l = 0; l < te.levels().size(); l++) {
            TermEffect.EncodedLevel row = effect.encoded().get(l);
            assertEquals(te.values()[l], row.encodedValue());
            assertEquals(Math.exp(beta * row.encodedValue()), row.estimate(), 1e-12);
        }
        double total = Arrays.stream(((NumericColumn) portfolio.column("Exposure").orElseThrow()).values()).sum();
        assertEquals(total, effect.encoded().stream().mapToDouble(TermEffect.EncodedLevel::exposure).sum(), 1e-6);
    }

    @Test
    void misplacedOptionsAreNamedErrors() {
        TermSpec priorOnCategorical = new TermSpec("Area", TermType.CATEGORICAL, null, null, null, null, null, null, 1.0, null);
        var e = assertThrows(ValidationError.class, () -> GlmFitter.fit(frequency(List.of(priorOnCategorical), 1), portfolio));
        assertTrue(e.getMessage().contains("prior weight and permutations apply to target_encoding terms only"), e.getMessage());
        e = assertThrows(ValidationError.class, () -> GlmFitter.fit(frequency(List.of(te("Area", -1.0, null)), 1), portfolio));
        assertTrue(e.getMessage().contains("prior_weight must be positive"), e.getMessage());
        e = assertThrows(ValidationError.class, () -> GlmFitter.fit(frequency(List.of(te("Area", null, 0)), 1), portfolio));
        assertTrue(e.getMessage().contains("n_permutations"), e.getMessage());
        e = assertThrows(ValidationError.class, () -> GlmFitter.fit(frequency(List.of(TermSpec.linear("BonusMalus")), 1)
                .withInteractions(List.of(InteractionSpec.of(te("Area", null, null), TermSpec.linear("VehAge"), false))), portfolio));
        assertTrue(e.getMessage().contains("cannot enter a product"), e.getMessage());
    }
}
