package org.atelier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.engine.TestCsv;
import org.atelier.model.ModelSpecJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class FitCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"poisson_frequency", "binomial_renewal", "gamma_severity", "gaussian_weighted"})
    void referenceCasesPassCompare(String name) throws Exception {
        JsonNode out = RefCases.fit(name, dir, null);
        assertEquals(java.util.List.of(), RefCases.compare(RefCases.reference(name), out));
        assertTrue(out.get("converged").asBoolean());
        JsonNode first = out.get("coefficients").get(0);
        for (String field : new String[] {"feature", "estimate", "std_error", "z_value", "p_value", "ci_lower", "ci_upper",
                "significance", "factor_name"}) {
            assertTrue(first.has(field), field);
        }
        for (String field : new String[] {"iterations", "deviance", "null_deviance", "aic", "bic", "df_model", "df_resid",
                "n_obs", "dispersion", "fit_duration_ms"}) {
            assertTrue(out.has(field), field);
        }
    }

    @Test
    void errorsAreOneLineOnStderrWithoutResultFile() throws Exception {
        Path[] files = RefCases.materialise("poisson_frequency", dir);
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, Files.readString(files[0]).replace("\"Density\"", "\"Nope\""));
        Path result = dir.resolve("out.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FitCommand.run(new String[] {"fit", "--data", files[1].toString(), "--spec", spec.toString(), "--out",
                result.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), TestCsv::file);
        assertEquals(1, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("ValidationError: 'Nope' is not in the dataset"), text); // SpecRules, before any data is read
        assertFalse(text.contains("\tat "), text);
        assertFalse(Files.exists(result));
    }

    @Test
    void specJsonAcceptsTermListsAndBothInteractionForms() {
        var spec = ModelSpecJson.read("""
                {"response": "y", "family": "poisson", "terms": [{"name": "a", "type": "categorical", "levels": [1, 2]},
                 {"name": "b", "type": "bs", "df": 4}],
                 "interactions": [{"var1_name": "a", "var1_spec": {"type": "categorical"}, "var2_name": "b",
                   "var2_spec": {"type": "linear"}, "include_main": false},
                   {"b": {"type": "linear"}, "c": {"type": "categorical"}, "include_main": true}],
                 "options": {"max_iter": 40, "tol": 1e-9}, "theta": 2.5}
                """);
        assertEquals(2, spec.terms().size());
        assertEquals(java.util.List.of("1", "2"), spec.terms().getFirst().levels());
        assertEquals(4, spec.terms().get(1).df());
        assertEquals(2, spec.interactions().size());
        assertFalse(spec.interactions().getFirst().includeMain());
        assertEquals("c", spec.interactions().get(1).second().name());
        assertEquals(40, spec.fitOptions().maxIter());
        assertEquals(2.5, spec.theta());
    }

    @Test
    void penalizedCrossValidatedFitWithEncodingsReportsPathCurveAndSelection() throws Exception {
        Path data = Path.of(FitCommandTest.class.getResource("/refs/portfolio50k.csv.gz").toURI());
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"response": "ClaimNb", "family": "poisson", "offset": "Exposure",
                 "terms": {"Area": {"type": "categorical"}, "BonusMalus": {"type": "linear"},
                           "VehBrand": {"type": "target_encoding", "prior_weight": 2, "n_permutations": 3},
                           "Region": {"type": "frequency_encoding"}},
                 "interactions": [{"VehBrand": {"type": "categorical"}, "Area": {"type": "categorical"},
                                   "include_main": false, "target_encoding": true, "prior_weight": 5}],
                 "fit_options": {"regularization": "lasso", "cv": 3, "n_alphas": 8, "selection": "1se", "seed": 3}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = FitCommand.run(new String[] {"fit", "--data", data.toString(), "--spec", spec.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), TestCsv::file);
        assertEquals(0, code);
        JsonNode result = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode r = result.get("regularization");
        assertEquals("lasso", r.get("penalty").asString());
        assertEquals(8, r.get("path").size());
        assertEquals(8, r.get("cv_curve").size());
        assertEquals(3, r.get("cv").asInt());
        assertEquals("1se", r.get("selection").asString());
        assertTrue(r.get("cv_curve").get(0).has("std_error"));
        assertTrue(r.get("path").get(0).has("non_zero"));
        assertTrue(r.get("alpha").asDouble() > 0);
        java.util.List<String> features = new java.util.ArrayList<>();
        result.get("coefficients").forEach(c -> features.add(c.get("feature").asString()));
        assertTrue(features.containsAll(java.util.List.of("TE(VehBrand)", "FE(Region)", "TE(VehBrand:Area)")), features.toString());
        r.get("selected_features").forEach(f -> assertTrue(features.contains(f.asString())));
        assertTrue(result.get("coefficients").get(1).get("std_error").isNull(), "no standard errors for penalized estimates");
        var parsed = ModelSpecJson.read(Files.readString(spec));
        assertEquals(5.0, parsed.interactions().getFirst().priorWeight());
        assertEquals(3, parsed.terms().get(2).nPermutations());
    }

    @Test
    void smoothsReportTheirEdfAndLambda() throws Exception {
        Path data = Path.of(FitCommandTest.class.getResource("/refs/portfolio50k.csv.gz").toURI());
        Path spec = dir.resolve("smooth.json");
        Files.writeString(spec, """
                {"response": "ClaimNb", "family": "poisson", "offset": "Exposure",
                 "terms": {"DrivAge": {"type": "bs"}, "Density": {"type": "ns", "k": 5}, "Area": {"type": "categorical"}}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = FitCommand.run(new String[] {"fit", "--data", data.toString(), "--spec", spec.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), TestCsv::file);
        assertEquals(0, code);
        JsonNode smooths = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(out.toString(StandardCharsets.UTF_8)).get("smooths");
        assertEquals(2, smooths.size());
        assertEquals("DrivAge", smooths.get(0).get("term").asString());
        assertEquals(10, smooths.get(0).get("k").asInt());
        assertEquals(5, smooths.get(1).get("k").asInt());
        assertTrue(smooths.get(0).get("edf").asDouble() >= 1 && smooths.get(0).get("lambda").asDouble() > 0);
    }

    @Test
    void warningsAreWrittenToTheResult() throws Exception {
        Path data = Path.of(FitCommandTest.class.getResource("/refs/portfolio50k.csv.gz").toURI());
        Path spec = dir.resolve("tied.json");
        Files.writeString(spec, """
                {"response": "ClaimNb", "family": "poisson", "offset": "Exposure",
                 "terms": {"BonusMalus": {"type": "ns", "df": 4}}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = FitCommand.run(new String[] {"fit", "--data", data.toString(), "--spec", spec.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), TestCsv::file);
        assertEquals(0, code);
        JsonNode warnings = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(out.toString(StandardCharsets.UTF_8)).get("warnings");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).asString().startsWith("ns(BonusMalus, df=4): 2 of 3 interior knots coincide at 50"),
                warnings.get(0).asString());
    }
}
