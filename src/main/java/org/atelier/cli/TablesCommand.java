package org.atelier.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.atelier.config.AtelierVersion;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.rating.RatingTableBuilder;
import org.atelier.engine.rating.RatingTables;
import org.atelier.model.ModelFile;
import org.atelier.tables.RatingTableService;
import org.atelier.tables.TableFormat;
import org.atelier.tables.TableSource;

/**
 * {@code atelier tables --model MODEL.atelier --out TABLES.xlsx|.zip|.csv [--data FILE] [--bands COL=a,b,...]}:
 * a model file's rating tables as a workbook, a ZIP of per-factor CSV files, or the stacked rating-engine CSV.
 * The training data gives the exposure per level and the values continuous terms are banded over (a model with
 * continuous terms needs it); {@code --bands} replaces a variable's one-way bands by cut points. On any error: a
 * non-zero exit and one line naming the culprit on stderr.
 */
public final class TablesCommand {
    public static final String USAGE = "Usage: java -jar atelier.jar tables --model MODEL.atelier"
            + " --out TABLES.xlsx|.zip|.csv [--data TRAINING.csv|.parquet] [--bands COLUMN=a,b,...]"
            + " | tables --benchmark [--rows N] [--repeat N]";

    private TablesCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, FrameReader.application());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, FrameReader reader) {
        String modelFile = null, output = null, data = null;
        Map<String, double[]> bands = new LinkedHashMap<>();
        try {
            CliArgs parsed = CliArgs.parse(args, "tables", java.util.Set.of(), java.util.Set.of("--benchmark"));
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            if (parsed.has("--benchmark")) {
                return TablesBenchmark.run(parsed.rest(), out);
            }
            for (CliArgs.Option option : parsed.options()) {
                String name = option.name();
                String value = option.value();
                switch (name) {
                    case "--model" -> modelFile = value;
                    case "--out" -> output = value;
                    case "--data" -> data = value;
                    case "--bands" -> bands(value, bands);
                    default -> throw new CommandErrors.UsageError("Unknown option " + name);
                }
            }
            if (modelFile == null || output == null) throw new CommandErrors.UsageError("--model and --out are required");
            TableFormat format;
            try {
                format = TableFormat.forFile(output);
            } catch (IllegalArgumentException e) {
                throw new CommandErrors.UsageError(e.getMessage());
            }
            FittedModel model = readModel(Path.of(modelFile));
            Frame frame = data == null ? null : reader.read(Path.of(data));
            RatingTables tables;
            try {
                tables = RatingTableBuilder.onDataset(model, frame, bands);
            } catch (IllegalArgumentException e) {
                throw new CommandErrors.UsageError(e.getMessage() + (frame == null ? " (--data FILE)" : ""));
            }
            String dataset = data == null ? null : Path.of(data).getFileName().toString();
            TableSource source = new TableSource(null, Path.of(modelFile).getFileName().toString(), dataset,
                    frame == null ? null : frame.rowCount(), model.spec(), model.link().id(), null, AtelierVersion.get());
            try (OutputStream file = Files.newOutputStream(Path.of(output))) {
                file.write(RatingTableService.write(tables, source, format));
            }
            out.println(summary(tables, output, frame != null));
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            return CommandErrors.report(e, USAGE, data, err);
        }
    }

    /** The model file as {@code fit --model-out} and "Download model" write it (refused when newer or not one). */
    static FittedModel readModel(Path file) throws IOException {
        return ModelFile.read(file).model();
    }

    /** "DrivAge=25,40,60" into the variable's cut points. */
    private static void bands(String value, Map<String, double[]> bands) throws CommandErrors.UsageError {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new CommandErrors.UsageError("--bands needs COLUMN=a,b,... (got '" + value + "')");
        }
        String[] parts = value.substring(eq + 1).split(",");
        double[] cuts = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                cuts[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new CommandErrors.UsageError("--bands " + value.substring(0, eq) + ": '" + parts[i] + "' is not a number");
            }
        }
        bands.put(value.substring(0, eq), cuts);
    }

    private static String summary(RatingTables tables, String output, boolean withData) {
        String what = tables.multiplicative()
                ? String.format(Locale.ROOT, "%d tables, base rate %.6g", tables.tables().size(), tables.baseRate())
                : "the coefficients (" + tables.link() + " link: no relativities)";
        return "Wrote " + output + ": " + what + (withData ? "" : "; without --data: no exposure per level,"
                + " and the model file names no project or dataset");
    }
}
