package org.atelier.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.config.Json;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one codec of a ModelSpec as JSON (terms as a map, interactions with var1/var2, fit_options, validation): the
 * form a model keeps as its immutable snapshot, a project keeps as its working spec and the {@code fit} command
 * reads. Absent options are left out; {@link #read} gives back an equal spec, and also accepts the hand-written
 * variants {@link SpecJsonReader} lists.
 */
public final class ModelSpecJson {
    private ModelSpecJson() {
    }

    public static String write(ModelSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("response", spec.response());
        Map<String, Object> terms = new LinkedHashMap<>();
        for (TermSpec term : spec.terms()) {
            terms.put(term.name(), term(term));
        }
        root.put("terms", terms);
        root.put("interactions", spec.interactions().stream().map(ModelSpecJson::interaction).toList());
        root.put("family", spec.family());
        root.put("link", spec.link());
        root.put("var_power", spec.varPower());
        root.put("theta", spec.theta());
        root.put("offset", spec.offset());
        root.put("weights", spec.weights());
        root.put("intercept", spec.intercept());
        root.put("fit_options", options(spec.fitOptions()));
        if (spec.validation() != null) {
            root.put("validation", validation(spec.validation()));
        }
        return Json.MAPPER.writeValueAsString(root);
    }

    public static ModelSpec read(String json) {
        return SpecJsonReader.parse(json);
    }

    /**
     * A spec still being edited, which may have no response yet (a fitted spec always has one). Read as
     * {@link #read} does, the missing response put back afterwards.
     */
    public static ModelSpec readDraft(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return read(json); // the codec's own message names what is wrong
        }
        if (!(root instanceof ObjectNode object) || !(object.path("response").isNull()
                || object.path("response").isMissingNode())) {
            return read(json);
        }
        object.put("response", "");
        ModelSpec spec = read(Json.MAPPER.writeValueAsString(object));
        return new ModelSpec(null, spec.terms(), spec.interactions(), spec.family(), spec.link(), spec.varPower(),
                spec.theta(), spec.offset(), spec.weights(), spec.intercept(), spec.fitOptions(), spec.validation());
    }

    private static Map<String, Object> term(TermSpec t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", t.type().id());
        putIfSet(out, "df", t.df());
        putIfSet(out, "k", t.k());
        putIfSet(out, "degree", t.degree());
        putIfSet(out, "monotonicity", t.monotonicity() == null ? null : t.monotonicity().id());
        putIfSet(out, "levels", t.levels());
        putIfSet(out, "expr", t.expr());
        putIfSet(out, "prior_weight", t.priorWeight());
        putIfSet(out, "n_permutations", t.nPermutations());
        return out;
    }

    private static Map<String, Object> interaction(InteractionSpec i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("var1_name", i.first().name());
        out.put("var1_spec", term(i.first()));
        out.put("var2_name", i.second().name());
        out.put("var2_spec", term(i.second()));
        out.put("include_main", i.includeMain());
        out.put("target_encoding", i.targetEncoding());
        out.put("frequency_encoding", i.frequencyEncoding());
        putIfSet(out, "prior_weight", i.priorWeight());
        putIfSet(out, "n_permutations", i.nPermutations());
        return out;
    }

    private static Map<String, Object> options(FitOptions o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alpha", o.alpha());
        out.put("l1_ratio", o.l1Ratio());
        out.put("max_iter", o.maxIter());
        out.put("tol", o.tol());
        out.put("regularization", o.regularization() == null ? null : o.regularization().id());
        out.put("cv", o.cv());
        out.put("selection", o.selection().id());
        out.put("n_alphas", o.nAlphas());
        out.put("seed", o.seed());
        return out;
    }

    private static Map<String, Object> validation(Validation v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", v.method() == null ? null : v.method().id());
        putIfSet(out, "fraction", v.fraction());
        putIfSet(out, "seed", v.seed());
        putIfSet(out, "column", v.column());
        putIfSet(out, "test_values", v.testValues());
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            out.put(key, value);
        }
    }
}
