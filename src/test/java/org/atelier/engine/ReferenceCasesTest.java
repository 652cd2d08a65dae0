package org.atelier.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.engine.fit.Coefficient;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R's figures for the shared reference cases (copied into test resources), within compare.py's tolerances:
 * deviance, null deviance, AIC 1e-6 relative; estimates 1e-4 (+1e-7); standard errors 2e-3 (+1e-9). Every
 * available backend is checked. (The spec JSON is mapped here by hand: the app's mapper lives outside the engine.)
 */
class ReferenceCasesTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"poisson_frequency", "binomial_renewal", "gamma_severity", "gaussian_weighted"})
    void matchesR(String name) throws IOException {
        JsonNode spec = json("refs/" + name + "/spec.json");
        JsonNode ref = json("refs/" + name + "/ref.json");
        Frame frame = TestCsv.resource(TestCsv.class.getResource("/refs/" + name + "/data.csv.gz") != null
                ? "refs/" + name + "/data.csv.gz" : "refs/portfolio50k.csv.gz");
        for (String backend : LinearAlgebras.available()) {
            FittedModel model = GlmFitter.fit(modelSpec(spec), frame, FitSettings.backend(backend));
            assertTrue(model.statistics().converged());
            close("deviance", ref.get("deviance").asDouble(), model.statistics().deviance(), 1e-6, 0);
            close("null_deviance", ref.get("null_deviance").asDouble(), model.statistics().nullDeviance(), 1e-6, 0);
            if (!ref.get("aic").isNull()) {
                close("aic", ref.get("aic").asDouble(), model.statistics().aic(), 1e-6, 0);
            }
            close("dispersion", ref.get("dispersion").asDouble(), model.statistics().dispersion(), 1e-6, 0);
            assertEquals(ref.get("df_resid").asInt(), model.statistics().dfResid());
            assertEquals(ref.get("n_obs").asInt(), model.statistics().nObs());
            assertEquals(ref.get("link").asString(), model.link().id());
            List<Coefficient> table = model.coefficientTable();
            assertEquals(ref.get("coefficients").size(), table.size());
            for (Coefficient c : table) {
                JsonNode r = ref.get("coefficients").get(c.feature());
                assertTrue(r != null, "R has no coefficient " + c.feature());
                close(c.feature() + " estimate", r.get("estimate").asDouble(), c.estimate(), 1e-4, 1e-7);
                close(c.feature() + " std_error", r.get("std_error").asDouble(), c.stdError(), 2e-3, 1e-9);
            }
        }
    }

    private static void close(String what, double r, double ours, double rel, double abs) {
        assertTrue(Math.abs(r - ours) <= abs + rel * Math.max(Math.abs(r), Math.abs(ours)), what + ": ours " + ours + " vs R " + r);
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = ReferenceCasesTest.class.getResourceAsStream("/" + resource)) {
            return MAPPER.readTree(in);
        }
    }

    private static ModelSpec modelSpec(JsonNode s) {
        List<TermSpec> terms = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : s.get("terms").properties()) {
            terms.add(new TermSpec(e.getKey(), TermType.of(e.getValue().get("type").asString()), null, null, null, null, null, null, null, null));
        }
        JsonNode o = s.get("fit_options");
        return new ModelSpec(s.get("response").asString(), terms, List.of(), s.get("family").asString(),
                s.get("link").isNull() ? null : s.get("link").asString(), s.get("var_power").asDouble(), null,
                s.get("offset").isNull() ? null : s.get("offset").asString(),
                s.get("weights").isNull() ? null : s.get("weights").asString(), s.get("intercept").asBoolean(),
                new FitOptions(0, 0, o.get("max_iter").asInt(), o.get("tol").asDouble(), null, null, Selection.MIN, 20, null));
    }
}
