package org.atelier.cli;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference cases copied from R into test resources, and compare.py's rules in Java: deviance, null deviance
 * and AIC 1e-6 relative, estimates 1e-4 relative (+1e-7), standard errors 2e-3 relative (+1e-9), θ 2e-3.
 */
public final class RefCases {
    public static final List<String> CASES = List.of("poisson_frequency", "binomial_renewal", "gamma_severity", "gaussian_weighted");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RefCases() {
    }

    /** Copies a case's spec and data out of the classpath into dir; returns {spec, data}. */
    public static Path[] materialise(String name, Path dir) throws IOException {
        Path spec = dir.resolve(name + ".spec.json");
        copy("/refs/" + name + "/spec.json", spec);
        String dataResource = RefCases.class.getResource("/refs/" + name + "/data.csv.gz") != null
                ? "/refs/" + name + "/data.csv.gz" : "/refs/portfolio50k.csv.gz";
        Path data = dir.resolve(name + ".csv.gz");
        copy(dataResource, data);
        return new Path[] {spec, data};
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = RefCases.class.getResourceAsStream(resource)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static JsonNode reference(String name) throws IOException {
        try (InputStream in = RefCases.class.getResourceAsStream("/refs/" + name + "/ref.json")) {
            return MAPPER.readTree(in);
        }
    }

    /** Runs the fit command on a case; returns the result JSON or throws with stderr. */
    public static JsonNode fit(String name, Path dir, String backend) throws IOException {
        Path[] files = materialise(name, dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("fit", "--data", files[1].toString(), "--spec", files[0].toString()));
        if (backend != null) {
            args.addAll(List.of("--backend", backend));
        }
        int code = FitCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TestCsv::file);
        if (code != 0) {
            throw new AssertionError("fit failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** compare.py's verdict: empty when it matches. */
    public static List<String> compare(JsonNode ref, JsonNode out) {
        List<String> bad = new ArrayList<>();
        check(bad, "deviance", out.get("deviance"), ref.get("deviance").asDouble(), 1e-6, 0);
        if (!"penalized".equals(text(ref, "compare"))) {
            check(bad, "null_deviance", out.get("null_deviance"), ref.get("null_deviance").asDouble(), 1e-6, 0);
        }
        if (ref.has("aic") && !ref.get("aic").isNull()) {
            check(bad, "aic", out.get("aic"), ref.get("aic").asDouble(), 1e-6, 0);
        }
        if (ref.has("theta") && !ref.get("theta").isNull()) {
            check(bad, "theta", out.get("theta"), ref.get("theta").asDouble(), 2e-3, 0);
        }
        Map<String, JsonNode> ours = new HashMap<>();
        for (JsonNode c : out.get("coefficients")) {
            ours.put(c.get("feature").asString(), c);
        }
        for (var e : ref.get("coefficients").properties()) {
            JsonNode c = ours.remove(e.getKey());
            if (c == null) {
                bad.add("missing coefficient " + e.getKey());
                continue;
            }
            check(bad, e.getKey() + ".estimate", c.get("estimate"), e.getValue().get("estimate").asDouble(), 1e-4, 1e-7);
            check(bad, e.getKey() + ".std_error", c.get("std_error"), e.getValue().get("std_error").asDouble(), 2e-3, 1e-9);
        }
        if (!ours.isEmpty()) {
            bad.add("unexpected coefficients " + ours.keySet());
        }
        return bad;
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull() ? node.get(field).asString() : null;
    }

    private static void check(List<String> bad, String name, JsonNode ours, double theirs, double rel, double abs) {
        double a = ours == null || ours.isNull() ? Double.NaN : ours.asDouble();
        if (!(Double.isFinite(a) && Math.abs(a - theirs) <= abs + rel * Math.max(Math.abs(a), Math.abs(theirs)))) {
            bad.add(name + ": ours " + a + " vs R " + theirs);
        }
    }

    /** Writes each case's result JSON into a directory, for compare.py: {@code RefCases OUTDIR [backend]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (String name : CASES) {
            JsonNode out = fit(name, dir, args.length > 1 ? args[1] : null);
            Files.writeString(dir.resolve(name + ".out.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            System.out.println(name + ": " + (compare(reference(name), out).isEmpty() ? "ok" : compare(reference(name), out)));
        }
    }
}
