package org.atelier.cli;

import java.util.Arrays;
import java.util.List;
import org.atelier.engine.diagnostics.DiagnosticSet;
import org.atelier.engine.diagnostics.Diagnostics;
import org.atelier.engine.diagnostics.DiagnosticsOptions;
import org.atelier.engine.diagnostics.DiagnosticsProgress;
import org.atelier.engine.diagnostics.DiagnosticsReport;
import org.atelier.engine.diagnostics.FactorAe;
import org.atelier.engine.diagnostics.FactorLevel;
import org.atelier.engine.diagnostics.LiftBucket;
import org.atelier.engine.diagnostics.Totals;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code fit} command's {@code --diagnostics}: {@code diagnostics.train} (and {@code diagnostics.test} for
 * {@code --test FILE} or a spec validation) with the totals, {@code gini}, {@code lift} and {@code factors}.
 */
final class DiagnosticsCli {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DiagnosticsCli() {
    }

    /** The options of {@code --buckets K} (default 10) and {@code --factors A,B} (default every column). */
    static DiagnosticsOptions options(String buckets, String factors) throws CommandErrors.UsageError {
        int k = buckets == null ? 10 : CliArgs.wholeNumber("--buckets", buckets, 1, 1000);
        List<String> columns = factors == null ? null
                : Arrays.stream(factors.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return DiagnosticsOptions.buckets(k, columns);
    }

    static ObjectNode json(FittedModel model, Frame frame, Frame testFile, DiagnosticsOptions options) {
        DiagnosticsReport report = Diagnostics.report(model, frame, options, DiagnosticsProgress.NONE);
        ObjectNode node = MAPPER.createObjectNode();
        node.set("train", set(report.train(), options.primaryBuckets()));
        DiagnosticSet test = testFile != null ? Diagnostics.compute(model, testFile, options) : report.test();
        if (test != null) {
            node.set("test", set(test, options.primaryBuckets()));
        }
        return node;
    }

    private static ObjectNode set(DiagnosticSet set, int k) {
        ObjectNode node = MAPPER.createObjectNode();
        Totals t = set.totals();
        counts(node, t.nObs(), t.exposure(), t.actual(), t.expected());
        FitCommand.number(node, "ae", t.ae());
        FitCommand.number(node, "deviance", t.deviance());
        FitCommand.number(node, "gini", set.gini());
        ArrayNode lift = node.putArray("lift");
        for (LiftBucket b : set.lift(k).orElseThrow().buckets()) {
            ObjectNode row = lift.addObject();
            row.put("bucket", b.bucket());
            counts(row, b.nObs(), b.exposure(), b.actual(), b.expected());
            FitCommand.number(row, "actual_rate", b.actualRate());
            FitCommand.number(row, "predicted_rate", b.predictedRate());
            FitCommand.number(row, "ae", b.ae());
            FitCommand.number(row, "ae_lower", b.aeLower());
            FitCommand.number(row, "ae_upper", b.aeUpper());
        }
        ObjectNode factors = node.putObject("factors");
        for (FactorAe factor : set.factors()) {
            ArrayNode levels = factors.putArray(factor.column());
            for (FactorLevel l : factor.levels()) {
                ObjectNode row = levels.addObject();
                row.put("level", l.level());
                counts(row, l.nObs(), l.exposure(), l.actual(), l.expected());
                FitCommand.number(row, "observed_rate", l.observedRate());
                FitCommand.number(row, "fitted_rate", l.fittedRate());
                FitCommand.number(row, "ae", l.ae());
            }
        }
        return node;
    }

    /** What the totals, a lift bucket and a factor level all count: rows, exposure, actual and expected. */
    private static void counts(ObjectNode node, int nObs, double exposure, double actual, double expected) {
        node.put("n_obs", nObs);
        FitCommand.number(node, "exposure", exposure);
        FitCommand.number(node, "actual", actual);
        FitCommand.number(node, "expected", expected);
    }
}
