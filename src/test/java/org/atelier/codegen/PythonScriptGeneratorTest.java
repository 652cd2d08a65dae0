package org.atelier.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.model.ModelSpecJson;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden scripts under src/test/resources/codegen, one per kind of spec, plus the generation rules one by one. */
class PythonScriptGeneratorTest {
    private final PythonScriptGenerator generator = new PythonScriptGenerator();

    /**
     * The product specification's example script (the sample frequency model without Area), as the frontend posts
     * it. The golden file is that script verbatim plus the one line the data-loading rule adds: the Parquet
     * alternative as a comment.
     */
    @Test
    void section10ExampleMatchesTheSpecByteForByte() {
        ModelSpec spec = ModelSpecJson.read("""
                {
                  "response": "ClaimNb",
                  "terms": {
                    "VehAge": {"type": "linear"},
                    "DrivAge": {"type": "bs", "df": 5},
                    "BonusMalus": {"type": "linear", "monotonicity": "increasing"},
                    "Region": {"type": "categorical"},
                    "VehBrand": {"type": "target_encoding", "prior_weight": 1.0},
                    "Density": {"type": "ns", "df": 4}
                  },
                  "interactions": [{
                    "var1_name": "VehAge", "var1_spec": {"type": "linear"},
                    "var2_name": "Region", "var2_spec": {"type": "categorical"},
                    "include_main": true, "target_encoding": false, "frequency_encoding": false
                  }],
                  "family": "poisson", "link": null, "var_power": 1.5, "theta": null,
                  "offset": "Exposure", "weights": null, "intercept": true,
                  "fit_options": {"alpha": 0.0, "l1_ratio": 0.0, "max_iter": 25, "tol": 1e-8,
                                  "regularization": null, "cv": null, "selection": "min", "n_alphas": 20, "seed": 42}
                }
                """);
        assertThat(generator.generate(spec)).isEqualTo(golden("section_10_2.py"));
    }

    @Test
    void aHoldOutSplitsTheDataBeforeTheFitAndTheDiagnosticsSeeBothParts() {
        ModelSpec base = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"))).withOffset("Exposure");
        String random = generator.generate(base.withValidation(org.atelier.engine.spec.Validation.random(0.2, 42)));
        assertThat(random).contains("""
                def holdout_draw(seed, row):
                    m = (1 << 64) - 1
                    z = ((seed & m) + (row + 1) * 0x9E3779B97F4A7C15) & m
                    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & m
                    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & m
                    return ((z ^ (z >> 31)) >> 11) / 2.0**53

                is_test = pl.Series([holdout_draw(42, i) < 0.2 for i in range(data.height)])
                test_data = data.filter(is_test)
                data = data.filter(~is_test)
                """);
        assertThat(random.indexOf("data = data.filter(~is_test)")).isLessThan(random.indexOf("model = rs.glm_dict"));
        assertThat(random).contains("diagnostics = result.diagnostics(train_data=data, test_data=test_data)");
        String column = generator.generate(base.withValidation(
                org.atelier.engine.spec.Validation.column("Group", List.of("test"))));
        assertThat(column).contains("is_test = pl.col(\"Group\").cast(pl.Utf8).is_in([\"test\"])\n");
        assertThat(generator.generate(base)).doesNotContain("is_test").contains("result.diagnostics(train_data=data)\n");
    }

    @Test
    void minimalGaussianHasOnlyTheFamilyAndNoRelativities() {
        ModelSpec spec = ModelSpec.of("BonusMalus", "gaussian", List.of(TermSpec.linear("DrivAge")));
        assertThat(generator.generate(spec)).isEqualTo(golden("minimal_gaussian.py"));
    }

    @Test
    void binomialWithExplicitLogitWeightsLevelsAndIterationOptions() {
        ModelSpec spec = ModelSpec.of("Renewed", "binomial", List.of(TermSpec.linear("BonusMalus"),
                        TermSpec.categorical("Region", List.of("R11", "R24", "R82")), TermSpec.categorical("Area")))
                .withLink("logit").withWeights("Exposure")
                .withFitOptions(new FitOptions(0, 0, 50, 1e-10, null, null, Selection.MIN, 20, 1L));
        assertThat(generator.generate(spec)).isEqualTo(golden("binomial_logit_weights.py"));
    }

    @Test
    void tweedieWritesItsVariancePowerAndDropsTheDefaultSplineDegree() {
        ModelSpec spec = ModelSpec.of("PurePremium", "tweedie", List.of(TermSpec.bs("DrivAge", 6, 2),
                        TermSpec.bs("VehAge", 4, 3), TermSpec.categorical("VehGas"),
                        new TermSpec("BonusMalusSquared", TermType.EXPRESSION, null, null, null, Monotonicity.INCREASING, null,
                                "BonusMalus ** 2", null, null)))
                .withVarPower(1.7).withWeights("Exposure");
        assertThat(generator.generate(spec)).isEqualTo(golden("tweedie_var_power.py"));
    }

    @Test
    void negativeBinomialWithFixedThetaEncodingsAndNoIntercept() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "negbinomial", List.of(TermSpec.categorical("Area"),
                        new TermSpec("VehBrand", TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null),
                        new TermSpec("Region", TermType.TARGET_ENCODING, null, null, null, null, null, null, 2.0, 8)))
                .withTheta(2.5).withLink("log").withOffset("Exposure").withIntercept(false);
        assertThat(generator.generate(spec)).isEqualTo(golden("negbinomial_theta.py"));
    }

    @Test
    void crossValidatedElasticNetShowsItsOptionsAndSeedsTheFolds() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(
                        new TermSpec("DrivAge", TermType.BS, null, 10, null, Monotonicity.DECREASING, null, null, null, null),
                        new TermSpec("Density", TermType.NS, null, 8, null, null, null, null, null, null),
                        TermSpec.categorical("VehBrand")))
                .withOffset("Exposure")
                .withFitOptions(new FitOptions(0, 0.5, 100, 1e-8, PenaltyKind.ELASTIC_NET, 10, Selection.ONE_SE, 30, 7L));
        assertThat(generator.generate(spec)).isEqualTo(golden("elastic_net_cv.py"));
    }

    @Test
    void interactionsOfEachKind() {
        TermSpec region = TermSpec.categorical("Region");
        TermSpec brand = TermSpec.categorical("VehBrand");
        ModelSpec spec = ModelSpec.of("ClaimAmount", "gamma", List.of(TermSpec.linear("VehAge"),
                        TermSpec.bs("DrivAge", 5, null), region, brand))
                .withWeights("ClaimNb")
                .withInteractions(List.of(
                        InteractionSpec.of(TermSpec.bs("DrivAge", 5, 3), region, true),
                        new InteractionSpec(brand, region, false, true, false),
                        new InteractionSpec(brand, TermSpec.categorical("VehAge"), true, false, true)));
        assertThat(generator.generate(spec)).isEqualTo(golden("interactions.py"));
    }

    @Test
    void relativitiesOnlyUnderALogLink() {
        List<TermSpec> terms = List.of(TermSpec.linear("x"));
        for (String family : List.of("poisson", "gamma", "tweedie", "quasipoisson", "negbinomial")) {
            assertThat(generator.generate(ModelSpec.of("y", family, terms))).as(family).contains("result.relativities()");
        }
        for (String family : List.of("gaussian", "binomial", "quasibinomial")) {
            assertThat(generator.generate(ModelSpec.of("y", family, terms))).as(family).doesNotContain("relativities");
        }
        assertThat(generator.generate(ModelSpec.of("y", "gaussian", terms).withLink("log"))).contains("result.relativities()");
        assertThat(generator.generate(ModelSpec.of("y", "binomial", terms).withLink("log"))).contains("result.relativities()");
        assertThat(generator.generate(ModelSpec.of("y", "poisson", terms).withLink("identity"))).doesNotContain("relativities");
        assertThat(generator.generate(ModelSpec.of("y", "gamma", terms).withLink("inverse"))).doesNotContain("relativities");
    }

    @Test
    void defaultsAndOptionsOfOtherFamiliesAreLeftOut() {
        List<TermSpec> terms = List.of(TermSpec.linear("x"));
        assertThat(generator.generate(ModelSpec.of("y", "tweedie", terms))).doesNotContain("var_power");
        assertThat(generator.generate(ModelSpec.of("y", "poisson", terms).withVarPower(1.8))).doesNotContain("var_power");
        assertThat(generator.generate(ModelSpec.of("y", "negbinomial", terms))).doesNotContain("theta");
        assertThat(generator.generate(ModelSpec.of("y", "poisson", terms).withTheta(3.0))).doesNotContain("theta");
        String defaults = generator.generate(ModelSpec.of("y", "poisson", terms));
        assertThat(defaults).contains("result = model.fit()\n")
                .doesNotContain("link=").doesNotContain("intercept=").doesNotContain("weights=")
                .doesNotContain("offset=").doesNotContain("seed=").doesNotContain("interactions");
    }

    @Test
    void manualAlphaAndASeedWithoutCrossValidation() {
        ModelSpec spec = ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x")))
                .withFitOptions(new FitOptions(0.01, 0.5, 25, 1e-8, null, null, Selection.MIN, 20, 3L));
        assertThat(generator.generate(spec))
                .contains("    seed=3,\n)\n")
                .contains("result = model.fit(\n    alpha=0.01,\n    l1_ratio=0.5,\n)\n")
                .doesNotContain("cv_seed");
    }

    @Test
    void regularizationWithoutFoldsLeavesCvToRustystats() {
        ModelSpec spec = ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x")))
                .withFitOptions(new FitOptions(0, 0, 25, 1e-8, PenaltyKind.LASSO, null, Selection.MIN, 20, null));
        assertThat(generator.generate(spec)).contains("result = model.fit(\n    regularization=\"lasso\",\n)\n");
    }

    @Test
    void namesAndExpressionsAreValidPythonStrings() {
        ModelSpec spec = ModelSpec.of("claim \"count\"", "poisson", List.of(
                TermSpec.expression("ratio", "a\\b\n\t\u0001"), TermSpec.categorical("Région")));
        String script = generator.generate(spec);
        assertThat(script).contains("response=\"claim \\\"count\\\"\",")
                .contains("\"ratio\": {\"type\": \"expression\", \"expr\": \"a\\\\b\\n\\t\\x01\"},")
                .contains("\"Région\": {\"type\": \"categorical\"},");
    }

    @Test
    void anEmptyModelStillRuns() {
        assertThat(generator.generate(ModelSpec.of("y", "gaussian", List.of()))).contains("terms = {}\n");
    }

    @Test
    void whatRustystatsCannotReadIsRejectedByName() {
        List<TermSpec> terms = List.of(TermSpec.linear("x"));
        assertThatThrownBy(() -> generator.generate(ModelSpec.of("y", "lognormal", terms)))
                .isInstanceOf(UnsupportedSpecException.class).hasMessageContaining("family 'lognormal'");
        assertThatThrownBy(() -> generator.generate(ModelSpec.of("y", "poisson", terms).withLink("probit")))
                .isInstanceOf(UnsupportedSpecException.class).hasMessageContaining("link 'probit'");
        assertThatThrownBy(() -> generator.generate(ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x"), TermSpec.categorical("x")))))
                .isInstanceOf(UnsupportedSpecException.class).hasMessageContaining("Term 'x' is listed twice");
        assertThatThrownBy(() -> generator.generate(ModelSpec.of(null, "poisson", terms)))
                .isInstanceOf(UnsupportedSpecException.class).hasMessageContaining("response");
    }

    @Test
    void floatsAreWrittenAsPythonReprWritesThem() {
        assertThat(PythonLiterals.floating(1.0)).isEqualTo("1.0");
        assertThat(PythonLiterals.floating(0.5)).isEqualTo("0.5");
        assertThat(PythonLiterals.floating(1e-8)).isEqualTo("1e-08");
        assertThat(PythonLiterals.floating(1.5e-10)).isEqualTo("1.5e-10");
        assertThat(PythonLiterals.floating(1e-4)).isEqualTo("0.0001");
        assertThat(PythonLiterals.floating(1e-5)).isEqualTo("1e-05");
        assertThat(PythonLiterals.floating(123.456)).isEqualTo("123.456");
        assertThat(PythonLiterals.floating(-2.5)).isEqualTo("-2.5");
        assertThat(PythonLiterals.floating(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonLiterals.floating(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonLiterals.floating(1e16)).isEqualTo("1e+16");
        assertThat(PythonLiterals.floating(1.25e22)).isEqualTo("1.25e+22");
        assertThat(PythonLiterals.floating(0.0)).isEqualTo("0.0");
        assertThat(PythonLiterals.floating(-0.0)).isEqualTo("-0.0");
        assertThat(PythonLiterals.floating(Double.NaN)).isEqualTo("float(\"nan\")");
        assertThat(PythonLiterals.floating(Double.NEGATIVE_INFINITY)).isEqualTo("-float(\"inf\")");
    }

    private static String golden(String name) {
        try (InputStream in = PythonScriptGeneratorTest.class.getResourceAsStream("/codegen/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
