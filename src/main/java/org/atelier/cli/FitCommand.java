package org.atelier.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.atelier.cli.CommandErrors.UsageError;
import org.atelier.engine.diagnostics.DiagnosticsOptions;
import org.atelier.engine.fit.Coefficient;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FitStatistics;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.Regularization;
import org.atelier.engine.fit.Smooth;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.model.ModelFile;
import org.atelier.model.ModelSpecJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code atelier fit --data FILE --spec SPEC.json [--out RESULT.json] [--model-out MODEL.atelier] [--backend NAME]}: fits
 * without the web server and writes the result JSON (to stdout without --out) and, with --model-out, the model file
 * that {@code predict} scores new data with ({@link ModelFile}). The data file is read without the upload limit, as far as
 * the heap allows ({@link FrameReader#localFiles}). On any error: exit code 1, one line {@code Type: message}
 * (and the suggestion) on stderr, no stack trace and no result file.
 */
public final class FitCommand {
    public static final String USAGE = "Usage: java -jar atelier.jar fit --data FILE.csv|.parquet --spec SPEC.json "
            + "[--out RESULT.json] [--model-out MODEL.atelier] [--backend auto|" + String.join("|", LinearAlgebras.available()) + "] "
            + "[--diagnostics [--test FILE] [--buckets K] [--factors A,B,...]]";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private FitCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, FrameReader.application());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, FrameReader reader) {
        String data = null, spec = null, output = null, backend = null, test = null, buckets = null, factors = null;
        String modelOut = null;
        boolean diagnostics = false;
        try {
            CliArgs parsed = CliArgs.parse(args, "fit", java.util.Set.of("--diagnostics"), java.util.Set.of());
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            diagnostics = parsed.has("--diagnostics");
            for (CliArgs.Option option : parsed.options()) {
                String name = option.name();
                String value = option.value();
                if (value == null) continue; // a flag, read above
                switch (name) {
                    case "--data" -> data = value;
                    case "--spec" -> spec = value;
                    case "--out" -> output = value;
                    case "--model-out" -> modelOut = value;
                    case "--backend" -> backend = value;
                    case "--test" -> test = value;
                    case "--buckets" -> buckets = value;
                    case "--factors" -> factors = value;
                    default -> throw new UsageError("Unknown option " + name);
                }
            }
            if (data == null || spec == null) throw new UsageError("--data and --spec are required");
            if (!diagnostics && (test != null || buckets != null || factors != null)) {
                throw new UsageError("--test, --buckets and --factors need --diagnostics");
            }
            DiagnosticsOptions options = diagnostics ? DiagnosticsCli.options(buckets, factors) : null;
            ModelSpec modelSpec = ModelSpecJson.read(Files.readString(Path.of(spec), StandardCharsets.UTF_8));
            if (test != null && modelSpec.validation() != null) {
                throw new UsageError("The spec has a validation (its own test rows): give --test FILE or the spec's"
                        + " validation, not both");
            }
            FitSettings settings = FitSettings.backend(backend);
            Frame frame = reader.read(Path.of(data));
            FittedModel model = GlmFitter.fit(modelSpec, frame, settings);
            ObjectNode result = resultJson(model);
            if (diagnostics) {
                result.set("diagnostics", DiagnosticsCli.json(model, frame, test == null ? null : reader.read(Path.of(test)),
                        options));
            }
            if (modelOut != null) {
                // the model file a later `predict` scores with: the fitted model itself, never refitted
                ModelFile.of(model, Path.of(spec).getFileName().toString(), Path.of(data).getFileName().toString(),
                        Instant.now()).write(Path.of(modelOut));
            }
            String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result);
            if (output == null) {
                out.println(json);
            } else {
                Files.writeString(Path.of(output), json + "\n", StandardCharsets.UTF_8);
            }
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            int code = CommandErrors.report(e, USAGE, data, err);
            CommandErrors.suggestion(e, err);
            return code;
        }
    }

    /** The result JSON of the headless command (the workbench's field names, snake_case). */
    public static ObjectNode resultJson(FittedModel model) {
        FitStatistics s = model.statistics();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("family", model.family().id());
        root.put("link", model.link().id());
        root.put("converged", s.converged());
        root.put("iterations", s.iterations());
        number(root, "deviance", s.deviance());
        number(root, "null_deviance", s.nullDeviance());
        number(root, "aic", s.aic());
        number(root, "bic", s.bic());
        root.put("df_model", s.dfModel());
        root.put("df_resid", s.dfResid());
        root.put("n_obs", s.nObs());
        number(root, "dispersion", s.dispersion());
        if (!Double.isNaN(s.theta())) {
            number(root, "theta", s.theta());
        }
        root.put("fit_duration_ms", s.fitDurationMs());
        root.put("backend", s.backend());
        if (model.regularization() != null) {
            root.set("regularization", regularizationJson(model.regularization()));
        }
        if (!model.smooths().isEmpty()) {
            ArrayNode smooths = root.putArray("smooths");
            for (Smooth smooth : model.smooths()) {
                ObjectNode node = smooths.addObject();
                node.put("term", smooth.term());
                node.put("k", smooth.k());
                number(node, "edf", smooth.edf());
                number(node, "lambda", smooth.lambda());
            }
        }
        ArrayNode warnings = root.putArray("warnings"); // e.g. a spline fitted with fewer df than asked
        model.warnings().forEach(warnings::add);
        ArrayNode coefficients = root.putArray("coefficients");
        for (Coefficient c : model.coefficientTable()) {
            ObjectNode node = coefficients.addObject();
            node.put("feature", c.feature());
            number(node, "estimate", c.estimate());
            number(node, "std_error", c.stdError());
            number(node, s.tStatistics() ? "t_value" : "z_value", c.statistic());
            if (s.tStatistics()) {
                number(node, "z_value", c.statistic()); // the stored field name, kept for consumers that only read z_value
            }
            number(node, "p_value", c.pValue());
            number(node, "ci_lower", c.ciLower());
            number(node, "ci_upper", c.ciUpper());
            node.put("significance", c.significance());
            node.put("factor_name", c.factorName());
        }
        return root;
    }

    /**
     * The penalty, the chosen α (glmnet's λ) with α_max, {@code selected_features}, and for a cross-validated fit
     * the path (α, deviance, non-zero count) and the CV curve (mean held-out deviance per observation, its SE).
     */
    static ObjectNode regularizationJson(Regularization r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("penalty", r.penalty().id());
        number(node, "l1_ratio", r.l1Ratio());
        number(node, "alpha", r.alpha());
        number(node, "alpha_max", r.alphaMax());
        if (r.folds() != null) {
            node.put("cv", r.folds());
            node.put("selection", r.selection() == null ? null : r.selection().id());
        }
        ArrayNode selected = node.putArray("selected_features");
        r.selectedFeatures().forEach(selected::add);
        ArrayNode path = node.putArray("path");
        for (Regularization.PathPoint p : r.path()) {
            ObjectNode point = path.addObject();
            number(point, "alpha", p.alpha());
            number(point, "deviance", p.deviance());
            point.put("non_zero", p.nonZero());
        }
        ArrayNode curve = node.putArray("cv_curve");
        for (Regularization.CvPoint p : r.cv()) {
            ObjectNode point = curve.addObject();
            number(point, "alpha", p.alpha());
            number(point, "mean_deviance", p.meanDeviance());
            number(point, "std_error", p.standardError());
        }
        return node;
    }

    static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
