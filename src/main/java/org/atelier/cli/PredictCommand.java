package org.atelier.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.score.Scorer;
import org.atelier.engine.score.Scores;
import org.atelier.model.ModelFile;
import org.atelier.scoring.PredictionsCsv;

/**
 * {@code atelier predict --model MODEL.atelier --data FILE --out PREDICTIONS.csv [--id COL]...}: scores a data file
 * with a model file written by {@code fit --model-out} or the workbench's "Download model" button, without the web
 * server and without refitting; writes one row per data row (the ID columns, {@code mu}, {@code rate}). On any
 * error: exit code 1 (2 for a usage error), one line on stderr, and no predictions file.
 */
public final class PredictCommand {
    public static final String USAGE = "Usage: java -jar atelier.jar predict --model MODEL.atelier --data FILE.csv|.parquet"
            + " --out PREDICTIONS.csv [--id COLUMN]...";

    private PredictCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, FrameReader.application());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, FrameReader reader) {
        String model = null, data = null, output = null;
        List<String> ids = new ArrayList<>();
        Path written = null;
        try {
            CliArgs parsed = CliArgs.parse(args, "predict", java.util.Set.of(), java.util.Set.of());
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            for (CliArgs.Option option : parsed.options()) {
                String name = option.name();
                String value = option.value();
                switch (name) {
                    case "--model" -> model = value;
                    case "--data" -> data = value;
                    case "--out" -> output = value;
                    case "--id" -> ids.add(value);
                    default -> throw new CommandErrors.UsageError("Unknown option " + name);
                }
            }
            if (model == null || data == null || output == null) {
                throw new CommandErrors.UsageError("--model, --data and --out are required");
            }
            FittedModel fitted = ModelFile.read(Path.of(model)).model();
            Frame frame = reader.read(Path.of(data));
            PredictionsCsv.idColumns(frame, ids);
            Scores scores = Scorer.score(fitted, frame);
            written = Path.of(output);
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(written))) {
                PredictionsCsv.write(frame, ids, scores, file);
            }
            err.println("Wrote " + scores.rows() + " predictions to " + output);
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            deleteQuietly(written);
            return CommandErrors.report(e, USAGE, data, err);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // the error already printed is what matters; a partial file would be the worse outcome
        }
    }
}
