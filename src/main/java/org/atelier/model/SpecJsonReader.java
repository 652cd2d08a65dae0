package org.atelier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reading half of {@link ModelSpecJson}: a ModelSpec's JSON (snake_case field names) into the engine's records. Accepts {@code terms} as a
 * map (column → options) or a list of objects with a {@code name}; interactions in the stored form
 * ({@code var1_name}, {@code var1_spec}, ...) or rustystats' form ({@code {"VehAge": {...}, "Region": {...},
 * "include_main": true}}); options under {@code fit_options} or {@code options}.
 */
final class SpecJsonReader {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SpecJsonReader() {
    }

    static ModelSpec parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ValidationError("Spec is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ValidationError("Spec must be a JSON object");
        }
        String response = text(root, "response");
        if (response == null) {
            throw new ValidationError("Spec has no response");
        }
        List<TermSpec> terms = new ArrayList<>();
        JsonNode termsNode = root.get("terms");
        if (termsNode != null && termsNode.isObject()) {
            for (Map.Entry<String, JsonNode> e : termsNode.properties()) {
                terms.add(term(e.getKey(), e.getValue()));
            }
        } else if (termsNode != null && termsNode.isArray()) {
            for (JsonNode t : termsNode) {
                String name = text(t, "name") != null ? text(t, "name") : text(t, "column");
                if (name == null) {
                    throw new ValidationError("A term in the terms list has no name");
                }
                terms.add(term(name, t));
            }
        }
        List<InteractionSpec> interactions = new ArrayList<>();
        JsonNode interactionsNode = root.get("interactions");
        if (interactionsNode != null && interactionsNode.isArray()) {
            for (JsonNode i : interactionsNode) {
                interactions.add(interaction(i));
            }
        }
        JsonNode optionsNode = root.has("fit_options") ? root.get("fit_options") : root.get("options");
        Double theta = number(root, "theta");
        Double varPower = number(root, "var_power");
        JsonNode interceptNode = root.get("intercept");
        return new ModelSpec(response, terms, interactions, text(root, "family"), text(root, "link"),
                varPower == null ? 1.5 : varPower, theta, text(root, "offset"), text(root, "weights"),
                interceptNode == null || interceptNode.isNull() || interceptNode.asBoolean(), options(optionsNode),
                validation(root.get("validation")));
    }

    /**
     * The optional hold-out: {@code {"method": "random", "fraction": 0.2, "seed": 42}} or
     * {@code {"method": "column", "column": "Group", "test_values": ["test"]}}; its data-free rules are
     * {@link HoldOut#problem}'s, so the workbench and the fitter refuse the same validations.
     */
    private static Validation validation(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ValidationError("Spec field 'validation' must be an object with a method, got " + v);
        }
        String methodName = text(v, "method");
        Validation.Method method = methodName == null ? null : Validation.Method.of(methodName);
        if (method == null) {
            throw new ValidationError("Validation method must be \"random\" or \"column\", got "
                    + (methodName == null ? "none" : "'" + methodName + "'"));
        }
        List<String> testValues = null;
        JsonNode values = v.get("test_values");
        if (values != null && !values.isNull()) {
            if (!values.isArray()) {
                throw new ValidationError("Validation test_values must be a list, got " + values);
            }
            testValues = new ArrayList<>();
            for (JsonNode value : values) {
                testValues.add(value.isNumber() ? org.atelier.engine.design.Columns.label(value.asDouble()) : value.asString());
            }
        }
        Integer seed = integer(v, "seed");
        Validation validation = method == Validation.Method.RANDOM
                ? new Validation(method, number(v, "fraction"), seed == null ? 0L : seed.longValue(), null, null)
                : new Validation(method, null, null, text(v, "column"), testValues);
        String problem = HoldOut.problem(validation);
        if (problem != null) {
            throw new ValidationError(problem);
        }
        return validation;
    }

    private static TermSpec term(String name, JsonNode t) {
        if (t == null || !t.isObject()) {
            throw new ValidationError("Term '" + name + "' must be an object with a type");
        }
        List<String> levels = null;
        JsonNode levelsNode = t.get("levels");
        if (levelsNode != null && levelsNode.isArray()) {
            levels = new ArrayList<>();
            for (JsonNode l : levelsNode) {
                levels.add(l.isNumber() ? org.atelier.engine.design.Columns.label(l.asDouble()) : l.asString());
            }
        }
        String typeWord = text(t, "type");
        TermType type = TermType.of(typeWord);
        if (type == null) {
            throw new ValidationError("Term '" + name + "': " + (typeWord == null ? "no type" : "unknown type '" + typeWord
                    + "'") + " (expected " + TermType.words() + ")");
        }
        return new TermSpec(name, type, integer(t, "df"), integer(t, "k"), integer(t, "degree"),
                word(t, "monotonicity", Monotonicity::of, "Term '" + name + "': monotonicity", Monotonicity.words()), levels, text(t, "expr"), number(t, "prior_weight"), integer(t, "n_permutations"));
    }

    private static InteractionSpec interaction(JsonNode i) {
        boolean includeMain = !i.has("include_main") || i.get("include_main").isNull() || i.get("include_main").asBoolean();
        boolean te = i.has("target_encoding") && i.get("target_encoding").asBoolean();
        boolean fe = i.has("frequency_encoding") && i.get("frequency_encoding").asBoolean();
        Double priorWeight = number(i, "prior_weight");
        Integer permutations = integer(i, "n_permutations");
        if (i.has("var1_name")) {
            return new InteractionSpec(term(text(i, "var1_name"), i.get("var1_spec")),
                    term(text(i, "var2_name"), i.get("var2_spec")), includeMain, te, fe, priorWeight, permutations);
        }
        List<TermSpec> sides = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : i.properties()) {
            if (e.getValue().isObject()) {
                sides.add(term(e.getKey(), e.getValue()));
            }
        }
        if (sides.size() != 2) {
            throw new ValidationError("An interaction needs exactly two variables, got " + sides.size());
        }
        return new InteractionSpec(sides.get(0), sides.get(1), includeMain, te, fe, priorWeight, permutations);
    }

    private static FitOptions options(JsonNode o) {
        FitOptions d = FitOptions.DEFAULT;
        if (o == null || o.isNull()) {
            return d;
        }
        Double alpha = number(o, "alpha");
        Double l1 = number(o, "l1_ratio");
        Integer maxIter = integer(o, "max_iter");
        Double tol = number(o, "tol");
        Integer nAlphas = integer(o, "n_alphas");
        Integer seed = integer(o, "seed");
        return new FitOptions(alpha == null ? d.alpha() : alpha, l1 == null ? d.l1Ratio() : l1,
                maxIter == null ? d.maxIter() : maxIter, tol == null ? d.tol() : tol,
                word(o, "regularization", PenaltyKind::of, "Regularization", PenaltyKind.words()), integer(o, "cv"),
                word(o, "selection", Selection::of, "Selection", Selection.words()),
                nAlphas == null ? d.nAlphas() : nAlphas, seed == null ? null : seed.longValue());
    }

    /**
     * A closed set's word, read once here so the engine and the workbench see only the enum: null when absent (or
     * "none", the word a spec may use for an unconstrained monotonicity or no regularization), else a refusal naming
     * the field and the words it takes.
     */
    private static <E> E word(JsonNode node, String field, Function<String, E> parse, String what, String words) {
        String word = text(node, field);
        if (word == null || word.equalsIgnoreCase("none")) {
            return null;
        }
        E value = parse.apply(word);
        if (value == null) {
            throw new ValidationError(what + " must be " + words + ", got '" + word + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new ValidationError("Spec field '" + field + "' must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static Integer integer(JsonNode node, String field) {
        Double d = number(node, field);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new ValidationError("Spec field '" + field + "' must be a whole number, got " + d);
        }
        return d.intValue();
    }
}
