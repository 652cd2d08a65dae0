package org.atelier.dataset;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.explore.Association;
import org.atelier.engine.explore.Exploration;
import org.atelier.engine.explore.FactorStrength;
import org.atelier.engine.explore.OneWay;
import org.atelier.engine.explore.OneWayLevel;
import org.atelier.engine.explore.ReportEntry;
import org.atelier.engine.explore.ResponseSummary;
import org.atelier.engine.spec.TermType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An exploration as JSON, the one format the {@code explore} command writes and the datasets table caches:
 * {@code response}, {@code one_way} ({@code {column: [{level, n_obs, exposure, actual, rate, rate_lower,
 * rate_upper, share, thin}]}}), {@code strength}, {@code associations}, {@code report}, plus {@code choice} and
 * {@code factors} (each column's banding, suggested type and base level). A number that is not defined is null.
 */
public final class ExplorationJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ExplorationJson() {
    }

    public static String write(Exploration x) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(x));
    }

    public static ObjectNode tree(Exploration x) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode choice = root.putObject("choice");
        choice.put("response", x.choice().response());
        choice.put("exposure", x.choice().exposure());
        choice.put("weights", x.choice().weights());
        choice.put("family", x.choice().family());
        choice.put("link", x.choice().link());
        ResponseSummary r = x.response();
        ObjectNode response = root.putObject("response");
        response.put("column", r.column());
        response.put("rows", r.rows());
        response.put("excluded_rows", r.excludedRows());
        number(response, "exposure", r.exposure());
        number(response, "actual", r.actual());
        number(response, "rate", r.rate());
        number(response, "zero_share", r.zeroShare());
        ArrayNode quantiles = response.putArray("rate_quantiles");
        for (ResponseSummary.RateQuantile q : r.quantiles()) {
            ObjectNode node = quantiles.addObject();
            node.put("p", q.p());
            number(node, "value", q.value());
        }
        ObjectNode oneWay = root.putObject("one_way");
        ArrayNode factors = root.putArray("factors");
        for (OneWay w : x.oneWay().values()) {
            ArrayNode levels = oneWay.putArray(w.column());
            for (OneWayLevel l : w.levels()) {
                ObjectNode node = levels.addObject();
                node.put("level", l.level());
                node.put("n_obs", l.nObs());
                number(node, "exposure", l.exposure());
                number(node, "actual", l.actual());
                number(node, "rate", l.rate());
                number(node, "rate_lower", l.rateLower());
                number(node, "rate_upper", l.rateUpper());
                number(node, "share", l.share());
                node.put("thin", l.thin());
            }
            ObjectNode f = factors.addObject();
            f.put("column", w.column());
            f.put("banded", w.banded());
            f.put("suggested_type", w.suggestedType().id());
            f.put("base_level", w.baseLevel());
        }
        ArrayNode strength = root.putArray("strength");
        for (FactorStrength s : x.strength()) {
            ObjectNode node = strength.addObject();
            node.put("column", s.column());
            number(node, "deviance_reduction", s.devianceReduction());
            node.put("df", s.df());
            number(node, "p_value", s.pValue());
        }
        ArrayNode associations = root.putArray("associations");
        for (Association a : x.associations()) {
            ObjectNode node = associations.addObject();
            node.put("a", a.a());
            node.put("b", a.b());
            node.put("measure", a.measure());
            number(node, "value", a.value());
            node.put("flagged", a.flagged());
        }
        ObjectNode report = root.putObject("report");
        entries(report.putArray("errors"), x.report().errors());
        entries(report.putArray("warnings"), x.report().warnings());
        entries(report.putArray("suggestions"), x.report().suggestions());
        return root;
    }

    public static DatasetExploration read(String json) {
        return read(MAPPER.readTree(json));
    }

    static DatasetExploration read(JsonNode root) {
        JsonNode c = root.get("choice");
        DatasetExploration.Choice choice = new DatasetExploration.Choice(text(c, "response"), text(c, "exposure"),
                text(c, "weights"), text(c, "family"), text(c, "link"));
        JsonNode r = root.get("response");
        List<double[]> quantiles = new ArrayList<>();
        for (JsonNode q : r.get("rate_quantiles")) {
            quantiles.add(new double[] {q.get("p").asDouble(), number(q, "value")});
        }
        DatasetExploration.Summary summary = new DatasetExploration.Summary(text(r, "column"), r.get("rows").asInt(),
                r.get("excluded_rows").asInt(), number(r, "exposure"), number(r, "actual"), number(r, "rate"),
                number(r, "zero_share"), quantiles);
        List<DatasetExploration.FactorOneWay> factors = new ArrayList<>();
        for (JsonNode f : root.get("factors")) {
            String column = text(f, "column");
            List<DatasetExploration.Level> levels = new ArrayList<>();
            for (JsonNode l : root.get("one_way").get(column)) {
                levels.add(new DatasetExploration.Level(text(l, "level"), l.get("n_obs").asInt(), number(l, "exposure"),
                        number(l, "actual"), number(l, "rate"), number(l, "rate_lower"), number(l, "rate_upper"),
                        number(l, "share"), l.get("thin").asBoolean()));
            }
            factors.add(new DatasetExploration.FactorOneWay(column, f.get("banded").asBoolean(),
                    suggestedType(text(f, "suggested_type")), text(f, "base_level"), List.copyOf(levels)));
        }
        List<DatasetExploration.Strength> strength = new ArrayList<>();
        for (JsonNode s : root.get("strength")) {
            strength.add(new DatasetExploration.Strength(text(s, "column"), number(s, "deviance_reduction"),
                    s.get("df").asInt(), number(s, "p_value")));
        }
        List<DatasetExploration.Pair> associations = new ArrayList<>();
        for (JsonNode a : root.get("associations")) {
            associations.add(new DatasetExploration.Pair(text(a, "a"), text(a, "b"), text(a, "measure"),
                    number(a, "value"), a.get("flagged").asBoolean()));
        }
        JsonNode rep = root.get("report");
        return new DatasetExploration(choice, summary, List.copyOf(factors), List.copyOf(strength),
                List.copyOf(associations), entries(rep.get("errors")), entries(rep.get("warnings")),
                entries(rep.get("suggestions")));
    }

    private static void entries(ArrayNode out, List<ReportEntry> entries) {
        for (ReportEntry e : entries) {
            ObjectNode node = out.addObject();
            node.put("column", e.column());
            node.put("code", e.code());
            node.put("message", e.message());
        }
    }

    private static List<DatasetExploration.Entry> entries(JsonNode array) {
        List<DatasetExploration.Entry> out = new ArrayList<>();
        for (JsonNode e : array) {
            out.add(new DatasetExploration.Entry(text(e, "column"), text(e, "code"), text(e, "message")));
        }
        return List.copyOf(out);
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) node.putNull(name);
        else node.put(name, value);
    }

    private static double number(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    /** The stored word of a factor's suggested type (categorical, linear or target_encoding). */
    private static TermType suggestedType(String word) {
        TermType type = TermType.of(word);
        if (type == null) {
            throw new IllegalArgumentException("The stored exploration has an unknown suggested_type '" + word + "'");
        }
        return type;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }
}
