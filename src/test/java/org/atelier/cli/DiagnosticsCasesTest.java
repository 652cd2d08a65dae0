package org.atelier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.TestCsv;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The diagnostics reference cases (R's glm on a training file, then lift, Gini, totals and A/E by factor on the
 * training and the test file: {@code refs/diagnostics/*}, the first one the shared visible case, the others from
 * {@code make_cases.R} there), checked with diagcompare.py's rules: n_obs exact, sums 1e-6 relative, Gini 1e-6.
 */
class DiagnosticsCasesTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final double REL = 1e-6;
    private static final double ABS = 1e-6;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"poisson_frequency_holdout", "poisson_weighted_ties", "binomial_unweighted",
            "gamma_weighted_severity", "poisson_validation_column"})
    void matchesR(String name) throws Exception {
        JsonNode ref = resource(name, "ref.json");
        JsonNode out = run(name, ref);
        List<String> problems = new ArrayList<>();
        compare("train", ref.get("train"), out.get("diagnostics").get("train"), problems);
        compare("test", ref.get("test"), out.get("diagnostics").get("test"), problems);
        assertEquals(List.of(), problems);
    }

    /**
     * The fit command with --diagnostics on the case's train file and --test its test file, or on its one data
     * file when the spec's validation holds the test rows out.
     */
    JsonNode run(String name, JsonNode ref) throws IOException {
        Path spec = copy(name, "spec.json");
        boolean validation = DiagnosticsCasesTest.class.getResource("/refs/diagnostics/" + name + "/data.csv.gz") != null;
        List<String> factors = new ArrayList<>();
        ref.get("factors").forEach(f -> factors.add(f.asString()));
        Path result = dir.resolve(name + ".out.json");
        List<String> args = new ArrayList<>(List.of("fit", "--data",
                copy(name, validation ? "data.csv.gz" : "train.csv.gz").toString(), "--spec", spec.toString(), "--out",
                result.toString(), "--diagnostics", "--buckets", ref.get("buckets").asString(), "--factors",
                String.join(",", factors)));
        if (!validation) {
            args.addAll(List.of("--test", copy(name, "test.csv.gz").toString()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FitCommand.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), TestCsv::file);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return MAPPER.readTree(Files.readString(result));
    }

    static void compare(String name, JsonNode ref, JsonNode out, List<String> problems) {
        if (out == null) {
            problems.add(name + ": missing");
            return;
        }
        for (String key : new String[] {"exposure", "actual", "expected", "ae", "deviance"}) {
            check(name + "." + key, ref.get(key), out.get(key), problems);
        }
        if (ref.get("n_obs").asInt() != out.get("n_obs").asInt()) {
            problems.add(name + ".n_obs: " + out.get("n_obs") + " vs R " + ref.get("n_obs"));
        }
        if (Math.abs(out.get("gini").asDouble() - ref.get("gini").asDouble()) > ABS) {
            problems.add(name + ".gini: " + out.get("gini") + " vs R " + ref.get("gini"));
        }
        JsonNode lift = out.get("lift");
        if (lift.size() != ref.get("lift").size()) {
            problems.add(name + ".lift: " + lift.size() + " buckets vs R " + ref.get("lift").size());
        } else {
            for (int b = 0; b < lift.size(); b++) {
                rows(name + ".lift[" + (b + 1) + "]", ref.get("lift").get(b), lift.get(b), problems);
            }
        }
        for (Map.Entry<String, JsonNode> f : ref.get("factors").properties()) {
            Map<String, JsonNode> got = new HashMap<>();
            JsonNode levels = out.get("factors").get(f.getKey());
            if (levels == null) {
                problems.add(name + ".factors." + f.getKey() + ": missing");
                continue;
            }
            levels.forEach(l -> got.put(l.get("level").asString(), l));
            for (JsonNode rl : f.getValue()) {
                String level = rl.get("level").asString();
                JsonNode ol = got.get(level);
                if (ol == null) {
                    problems.add(name + ".factors." + f.getKey() + "[" + level + "]: missing");
                } else {
                    rows(name + ".factors." + f.getKey() + "[" + level + "]", rl, ol, problems);
                }
            }
        }
    }

    private static void rows(String name, JsonNode ref, JsonNode out, List<String> problems) {
        if (ref.get("n_obs").asInt() != out.get("n_obs").asInt()) {
            problems.add(name + ".n_obs: " + out.get("n_obs") + " vs R " + ref.get("n_obs"));
        }
        for (String key : new String[] {"exposure", "actual", "expected"}) {
            check(name + "." + key, ref.get(key), out.get(key), problems);
        }
    }

    private static void check(String name, JsonNode ref, JsonNode out, List<String> problems) {
        double b = ref.asDouble();
        if (out == null || out.isNull() || !(Math.abs(out.asDouble() - b) <= REL * Math.max(Math.abs(b), 1e-12) + 1e-9)) {
            problems.add(name + ": " + out + " vs R " + ref);
        }
    }

    static JsonNode resource(String name, String file) throws IOException {
        try (InputStream in = DiagnosticsCasesTest.class.getResourceAsStream("/refs/diagnostics/" + name + "/" + file)) {
            return MAPPER.readTree(in);
        }
    }

    private Path copy(String name, String file) throws IOException {
        Path target = dir.resolve(name + "." + file);
        try (InputStream in = DiagnosticsCasesTest.class.getResourceAsStream("/refs/diagnostics/" + name + "/" + file)) {
            Files.copy(in, target);
        }
        return target;
    }
}
