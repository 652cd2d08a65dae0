package org.atelier.engine.fit;

import java.util.List;
import java.util.Random;
import org.atelier.engine.Frames;
import org.atelier.engine.TestCsv;
import org.atelier.engine.family.Family;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.summary.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlmBehaviourTest {
    private static Frame portfolio;
    private static final FitOptions TIGHT = new FitOptions(0, 0, 50, 1e-10, null, null, Selection.MIN, 20, null);

    @BeforeAll
    static void load() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
    }

    private static ModelSpec frequency() {
        return ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"),
                TermSpec.linear("BonusMalus"), TermSpec.categorical("VehBrand"), TermSpec.categorical("Region")))
                .withOffset("Exposure").withFitOptions(TIGHT);
    }

    @Test
    void predictionOnTrainingRowsReproducesTheFit() {
        FittedModel model = GlmFitter.fit(frequency(), portfolio);
        double[] mu = model.predict(portfolio);
        double[] y = Frames.numbers(portfolio, "ClaimNb");
        // Poisson log-link score equations with an intercept: Σ(y - μ) = 0 at the optimum
        double sumY = 0, sumMu = 0;
        for (int i = 0; i < y.length; i++) {
            sumY += y[i];
            sumMu += mu[i];
        }
        assertEquals(sumY, sumMu, 1e-6 * sumY);
        assertEquals(model.statistics().deviance(), model.family().deviance(y, mu, null), 1e-8 * model.statistics().deviance());
    }

    @Test
    void serializedModelRoundTripsExactly() {
        ModelSpec spec = frequency().withInteractions(List.of(InteractionSpec.of(TermSpec.linear("DrivAge"),
                TermSpec.categorical("Area"), true))).withFitOptions(TIGHT);
        ModelSpec withSplines = new ModelSpec(spec.response(), List.of(TermSpec.categorical("Area"),
                TermSpec.bs("DrivAge", 5, 3), TermSpec.ns("Density", 3), TermSpec.expression("BM2", "(BonusMalus / 100) ** 2")),
                spec.interactions(), "poisson", null, 1.5, null, "Exposure", null, true, TIGHT);
        for (ModelSpec s : List.of(spec, withSplines)) {
            FittedModel model = GlmFitter.fit(s, portfolio);
            byte[] bytes = ModelSerializer.write(model);
            FittedModel back = ModelSerializer.read(bytes);
            assertArrayEquals(bytes, ModelSerializer.write(back));
            assertArrayEquals(model.coefficients(), back.coefficients(), 0);
            assertArrayEquals(model.covariance(), back.covariance(), 0);
            assertEquals(model.statistics(), back.statistics());
            assertEquals(model.coefficientTable(), back.coefficientTable());
            assertEquals(Summary.render(model), Summary.render(back));
            assertEquals(model.spec(), back.spec());
            assertArrayEquals(model.predict(portfolio), back.predict(portfolio), 0);
        }
    }

    @Test
    void backendsAgree() {
        List<String> names = LinearAlgebras.available();
        assertTrue(names.contains("vector"), "the Vector API module is on the test JVM");
        FittedModel reference = GlmFitter.fit(frequency(), portfolio, FitSettings.backend("java"));
        for (String name : names) {
            FittedModel other = GlmFitter.fit(frequency(), portfolio, FitSettings.backend(name));
            assertEquals(reference.statistics().deviance(), other.statistics().deviance(), 1e-10 * reference.statistics().deviance());
            for (int j = 0; j < reference.coefficients().length; j++) {
                assertEquals(reference.coefficients()[j], other.coefficients()[j],
                        1e-10 * Math.max(1, Math.abs(reference.coefficients()[j])), name + " " + reference.features().get(j));
                assertEquals(reference.covariance()[j * reference.coefficients().length + j],
                        other.covariance()[j * reference.coefficients().length + j], 1e-10 * reference.covariance()[j * reference.coefficients().length + j]);
            }
        }
    }

    @Test
    void quasiPoissonKeepsEstimatesAndScalesErrorsByTheDispersion() {
        FittedModel poisson = GlmFitter.fit(frequency(), portfolio);
        ModelSpec q = frequency();
        FittedModel quasi = GlmFitter.fit(new ModelSpec(q.response(), q.terms(), q.interactions(), "quasipoisson", null, 1.5,
                null, "Exposure", null, true, TIGHT), portfolio);
        double phi = quasi.statistics().dispersion();
        assertTrue(phi > 0);
        assertTrue(Double.isNaN(quasi.statistics().aic()));
        for (int j = 0; j < poisson.coefficients().length; j++) {
            assertEquals(poisson.coefficients()[j], quasi.coefficients()[j], 1e-9);
            assertEquals(poisson.coefficientTable().get(j).stdError() * Math.sqrt(phi), quasi.coefficientTable().get(j).stdError(), 1e-9);
        }
        assertTrue(quasi.statistics().tStatistics());
    }

    @Test
    void catByCatInteractionSpansTheCombinedFactor() {
        ModelSpec base = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas")))
                .withOffset("Exposure").withFitOptions(TIGHT)
                .withInteractions(List.of(InteractionSpec.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas"), true)));
        FittedModel crossed = GlmFitter.fit(base, portfolio);
        StringColumn area = (StringColumn) portfolio.column("Area").orElseThrow();
        StringColumn gas = (StringColumn) portfolio.column("VehGas").orElseThrow();
        String[] combined = new String[portfolio.rowCount()];
        for (int i = 0; i < combined.length; i++) combined[i] = area.value(i) + "_" + gas.value(i);
        Frame withCell = Frames.with(portfolio, Frames.builder().text("Cell", combined).build().columns().getFirst());
        FittedModel cell = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Cell")))
                .withOffset("Exposure").withFitOptions(TIGHT), withCell);
        assertEquals(cell.statistics().deviance(), crossed.statistics().deviance(), 1e-8 * cell.statistics().deviance());
        assertEquals(12, crossed.features().size());
        assertTrue(crossed.features().contains("Area[T.B]:VehGas[T.Regular]"));
        assertEquals("Area:VehGas", crossed.factorNames().get(crossed.features().indexOf("Area[T.B]:VehGas[T.Regular]")));
    }

    @Test
    void linearByCatInteractionGivesOneSlopePerLevel() {
        // Without main effects the slope of DrivAge is estimated separately in each Area (R's DrivAge:Area).
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area")))
                .withOffset("Exposure").withFitOptions(TIGHT)
                .withInteractions(List.of(InteractionSpec.of(TermSpec.linear("DrivAge"), TermSpec.categorical("Area"), false)));
        FittedModel model = GlmFitter.fit(spec, portfolio);
        assertTrue(model.features().contains("DrivAge:Area[A]"));
        assertTrue(model.features().contains("DrivAge:Area[F]"));
        ModelSpec withMain = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area")))
                .withOffset("Exposure").withFitOptions(TIGHT)
                .withInteractions(List.of(InteractionSpec.of(TermSpec.linear("DrivAge"), TermSpec.categorical("Area"), true)));
        FittedModel main = GlmFitter.fit(withMain, portfolio);
        assertTrue(main.features().contains("DrivAge"));
        assertTrue(main.features().contains("DrivAge:Area[T.B]"));
        // same column space, same fit
        assertEquals(model.statistics().deviance(), main.statistics().deviance(), 1e-8 * main.statistics().deviance());
        int a = model.features().indexOf("DrivAge:Area[A]");
        int b = model.features().indexOf("DrivAge:Area[B]");
        assertEquals(model.coefficients()[b] - model.coefficients()[a],
                main.coefficients()[main.features().indexOf("DrivAge:Area[T.B]")], 1e-7);
    }

    @Test
    void splineByCategoricalInteractionAndLinearByLinear() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("VehGas"), TermSpec.linear("BonusMalus")))
                .withOffset("Exposure").withFitOptions(TIGHT)
                .withInteractions(List.of(
                        InteractionSpec.of(TermSpec.bs("DrivAge", 4, 2), TermSpec.categorical("VehGas"), true),
                        InteractionSpec.of(TermSpec.linear("BonusMalus"), TermSpec.linear("VehAge"), true)));
        FittedModel model = GlmFitter.fit(spec, portfolio);
        assertEquals(List.of("Intercept", "VehGas[T.Regular]", "BonusMalus", "bs(DrivAge, 1/4)", "bs(DrivAge, 2/4)",
                "bs(DrivAge, 3/4)", "bs(DrivAge, 4/4)", "VehAge", "bs(DrivAge, 1/4):VehGas[T.Regular]",
                "bs(DrivAge, 2/4):VehGas[T.Regular]", "bs(DrivAge, 3/4):VehGas[T.Regular]", "bs(DrivAge, 4/4):VehGas[T.Regular]",
                "BonusMalus:VehAge"), model.features());
        assertEquals("DrivAge:VehGas", model.factorNames().get(8));
        assertTrue(model.statistics().converged());
        // A model fully interacted with fuel type is the two separate fits: the deviances add up.
        double total = 0;
        for (String gas : List.of("Diesel", "Regular")) {
            FittedModel part = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.linear("BonusMalus"),
                    TermSpec.linear("DrivAge"))).withOffset("Exposure").withFitOptions(TIGHT), subset(portfolio, "VehGas", gas));
            total += part.statistics().deviance();
        }
        ModelSpec separate = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("VehGas")))
                .withOffset("Exposure").withFitOptions(TIGHT)
                .withInteractions(List.of(InteractionSpec.of(TermSpec.linear("DrivAge"), TermSpec.categorical("VehGas"), true),
                        InteractionSpec.of(TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas"), true)));
        assertEquals(total, GlmFitter.fit(separate, portfolio).statistics().deviance(), 1e-8 * total);
    }

    private static Frame subset(Frame frame, String column, String level) {
        StringColumn key = (StringColumn) frame.column(column).orElseThrow();
        int[] rows = java.util.stream.IntStream.range(0, frame.rowCount()).filter(i -> level.equals(key.value(i))).toArray();
        List<org.atelier.engine.frame.Column> columns = new java.util.ArrayList<>();
        for (org.atelier.engine.frame.Column c : frame.columns()) {
            switch (c) {
                case org.atelier.engine.frame.NumericColumn n -> {
                    double[] v = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) v[i] = n.values()[rows[i]];
                    columns.add(new org.atelier.engine.frame.NumericColumn(n.name(), v, n.integral()));
                }
                case StringColumn s -> {
                    int[] codes = new int[rows.length];
                    for (int i = 0; i < rows.length; i++) codes[i] = s.codes()[rows[i]];
                    columns.add(new StringColumn(s.name(), codes, s.dictionary()));
                }
            }
        }
        return new Frame(columns);
    }

    @Test
    void withoutInterceptTheFirstFactorKeepsEveryLevel() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus")))
                .withOffset("Exposure").withFitOptions(TIGHT);
        FittedModel with = GlmFitter.fit(spec, portfolio);
        FittedModel without = GlmFitter.fit(spec.withIntercept(false), portfolio);
        assertEquals("Area[A]", without.features().getFirst());
        assertEquals(with.statistics().deviance(), without.statistics().deviance(), 1e-8 * with.statistics().deviance());
        assertEquals(with.coefficients()[0], without.coefficients()[0], 1e-7);
        // Null deviance without intercept: η = offset
        double[] y = Frames.numbers(portfolio, "ClaimNb");
        double[] exposure = Frames.numbers(portfolio, "Exposure");
        assertEquals(without.family().deviance(y, exposure, null), without.statistics().nullDeviance(), 1e-9);
    }

    @Test
    void numericColumnAsCategoricalKeepsItsLabelsAndSortsNumerically() {
        FittedModel model = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("VehPower")))
                .withOffset("Exposure").withFitOptions(TIGHT), portfolio);
        assertEquals("VehPower[T.5]", model.features().get(1));
        assertEquals("VehPower[T.10]", model.features().get(6));
        FittedModel explicit = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area",
                List.of("C", "A", "B", "D", "E", "F")))).withOffset("Exposure").withFitOptions(TIGHT), portfolio);
        assertEquals(List.of("Intercept", "Area[T.A]", "Area[T.B]", "Area[T.D]", "Area[T.E]", "Area[T.F]"), explicit.features());
    }

    @Test
    void relativitiesAreExponentiatedEstimates() {
        FittedModel model = GlmFitter.fit(frequency(), portfolio);
        List<Relativity> rel = model.relativities();
        List<Coefficient> table = model.coefficientTable();
        for (int j = 0; j < rel.size(); j++) {
            assertEquals(Math.exp(table.get(j).estimate()), rel.get(j).relativity(), 1e-12);
            assertTrue(rel.get(j).ciLower() < rel.get(j).relativity() && rel.get(j).relativity() < rel.get(j).ciUpper());
        }
        String summary = Summary.render(model);
        assertTrue(summary.contains("Generalized Linear Model Regression Results"));
        assertTrue(summary.contains("Dep. Variable:                ClaimNb   No. Observations:                50000"), summary);
        assertTrue(summary.contains("Region[T.R24]"));
    }

    @Test
    void traceRecordsEveryIterationAndStreamsIt() {
        List<IterationTrace> seen = new java.util.ArrayList<>();
        FitMonitor monitor = new FitMonitor() {
            public void onIteration(IterationTrace t) {
                seen.add(t);
            }
        };
        FittedModel model = GlmFitter.fit(frequency(), portfolio, new FitSettings(null, monitor));
        assertEquals(model.trace(), seen);
        assertEquals(model.statistics().iterations(), seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).deviance() <= seen.get(i - 1).deviance());
        }
    }

    @Test
    void splineAndExpressionTermsFitAndBeatTheLinearTerm() {
        ModelSpec linear = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.linear("DrivAge"))).withOffset("Exposure").withFitOptions(TIGHT);
        ModelSpec spline = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.bs("DrivAge", 5, null))).withOffset("Exposure").withFitOptions(TIGHT);
        ModelSpec natural = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.ns("DrivAge", 4))).withOffset("Exposure").withFitOptions(TIGHT);
        ModelSpec expr = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.linear("DrivAge"), TermSpec.expression("DrivAge2", "DrivAge ** 2")))
                .withOffset("Exposure").withFitOptions(TIGHT);
        double devLinear = GlmFitter.fit(linear, portfolio).statistics().deviance();
        FittedModel bs = GlmFitter.fit(spline, portfolio);
        assertEquals(List.of("Intercept", "bs(DrivAge, 1/5)", "bs(DrivAge, 2/5)", "bs(DrivAge, 3/5)", "bs(DrivAge, 4/5)", "bs(DrivAge, 5/5)"), bs.features());
        assertEquals("DrivAge", bs.factorNames().get(1));
        assertTrue(bs.statistics().deviance() < devLinear);
        assertTrue(GlmFitter.fit(natural, portfolio).statistics().deviance() < devLinear);
        assertTrue(GlmFitter.fit(expr, portfolio).statistics().deviance() < devLinear);
    }

    @Test
    void negativeBinomialEstimatesThetaFromOverdispersedCounts() {
        Random rnd = new Random(5);
        int n = 20_000;
        double theta = 2.0;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            double mu = Math.exp(0.5 + 0.3 * x[i]);
            double lambda = gamma(rnd, theta) * mu / theta; // Poisson-gamma mixture = NB(θ)
            y[i] = poisson(rnd, lambda);
        }
        Frame frame = Frames.builder().numeric("x", x).numeric("y", y).build();
        ModelSpec spec = ModelSpec.of("y", "negbinomial", List.of(TermSpec.linear("x"))).withFitOptions(TIGHT);
        FittedModel nb = GlmFitter.fit(spec, frame);
        double estimated = nb.statistics().theta();
        assertEquals(theta, estimated, 0.25);
        assertEquals(0.3, nb.coefficients()[1], 0.03);
        assertFalse(nb.statistics().tStatistics());
        assertTrue(Double.isFinite(nb.statistics().aic()));
        // Fixing θ at the estimate reproduces the fit (and its AIC without the θ parameter's 2)
        FittedModel fixed = GlmFitter.fit(spec.withTheta(estimated), frame);
        assertEquals(nb.coefficients()[1], fixed.coefficients()[1], 1e-5);
        assertEquals(nb.statistics().aic() - 2, fixed.statistics().aic(), 1e-2);
        assertTrue(Double.isNaN(GlmFitter.fit(ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x"))), frame).statistics().theta()));
    }

    /**
     * θ estimated as MASS's glm.nb does (alternating) reaches the joint maximum likelihood that statsmodels'
     * NegativeBinomial finds by BFGS (refs/negbin_statsmodels/make_ref.py): same θ, estimates and log-likelihood.
     */
    @Test
    void negativeBinomialMatchesTheJointMaximumLikelihood() throws java.io.IOException {
        tools.jackson.databind.JsonNode ref;
        try (var in = GlmBehaviourTest.class.getResourceAsStream("/refs/negbin_statsmodels/ref.json")) {
            ref = tools.jackson.databind.json.JsonMapper.builder().build().readTree(in);
        }
        ModelSpec spec = ModelSpec.of("ClaimNbOD", "negbinomial", List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"),
                TermSpec.linear("DrivAge"), TermSpec.categorical("VehGas"))).withOffset("Exposure").withFitOptions(TIGHT);
        FittedModel model = GlmFitter.fit(spec, portfolio);
        assertEquals(ref.get("theta").asDouble(), model.statistics().theta(), 1e-6 * ref.get("theta").asDouble());
        double aic = -2 * ref.get("llf").asDouble() + 2 * model.coefficients().length + 2;
        assertEquals(aic, model.statistics().aic(), 1e-8 * aic);
        java.util.Map<String, String> names = java.util.Map.of("Intercept", "Intercept", "Area[T.B]", "C(Area)[T.B]",
                "Area[T.C]", "C(Area)[T.C]", "Area[T.D]", "C(Area)[T.D]", "Area[T.E]", "C(Area)[T.E]", "Area[T.F]", "C(Area)[T.F]",
                "BonusMalus", "BonusMalus", "DrivAge", "DrivAge", "VehGas[T.Regular]", "C(VehGas)[T.Regular]");
        for (int j = 0; j < model.features().size(); j++) {
            double expected = ref.get("params").get(names.get(model.features().get(j))).asDouble();
            assertEquals(expected, model.coefficients()[j], 1e-6 * Math.max(1e-2, Math.abs(expected)), model.features().get(j));
        }
        assertEquals("negbinomial", model.family().id());
    }

    @Test
    void tweedieGammaAndGaussianLinksFit() {
        double[] claims = Frames.numbers(portfolio, "ClaimAmount");
        ModelSpec tweedie = new ModelSpec("ClaimAmount", List.of(TermSpec.linear("BonusMalus"), TermSpec.categorical("Area")),
                List.of(), "tweedie", null, 1.6, null, "Exposure", null, true, TIGHT);
        FittedModel model = GlmFitter.fit(tweedie, portfolio);
        assertTrue(model.statistics().converged());
        assertTrue(Double.isNaN(model.statistics().aic()));
        assertTrue(model.statistics().dispersion() > 1);
        assertTrue(claims.length > 0);
        ModelSpec inverse = new ModelSpec("Severity", List.of(TermSpec.linear("DrivAge")), List.of(), "gamma", "inverse", 1.5,
                null, null, null, true, TIGHT);
        Frame severity = TestCsv.resource("refs/gamma_severity/data.csv.gz");
        assertTrue(GlmFitter.fit(inverse, severity).statistics().converged());
        ModelSpec logGaussian = new ModelSpec("BonusMalus", List.of(TermSpec.linear("DrivAge")), List.of(), "gaussian", "log", 1.5,
                null, null, null, true, TIGHT);
        assertTrue(GlmFitter.fit(logGaussian, portfolio).statistics().converged());
        ModelSpec quasiBinomial = new ModelSpec("Renewed", List.of(TermSpec.linear("DrivAge")), List.of(), "quasibinomial", null, 1.5,
                null, null, null, true, TIGHT);
        assertTrue(GlmFitter.fit(quasiBinomial, portfolio).statistics().tStatistics());
        assertEquals("binomial", Family.of("binomial", 0, 0).id());
    }

    private static double gamma(Random rnd, double shape) {
        // Marsaglia–Tsang for shape >= 1
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rnd.nextGaussian(), v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(rnd.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    private static int poisson(Random rnd, double lambda) {
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
