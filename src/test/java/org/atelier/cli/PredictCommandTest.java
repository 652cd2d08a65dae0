package org.atelier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.TestCsv;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.model.ModelFile;
import org.atelier.model.ModelSpecJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit --model-out} then {@code predict}, end to end through the files, as a user runs them. */
class PredictCommandTest {
    private static final String SPEC = """
            {"response": "ClaimNb", "family": "poisson", "offset": "Exposure",
             "terms": {"Area": {"type": "categorical"}, "DrivAge": {"type": "linear"},
                       "Region": {"type": "categorical"}, "BonusMalus": {"type": "linear"}}}""";
    @TempDir
    Path dir;
    Path data;
    Path spec;
    Path model;

    @BeforeEach
    void files() throws Exception {
        data = dir.resolve("portfolio.csv");
        SamplePortfolio.writeCsv(data, 5L, 3_000);
        spec = dir.resolve("spec.json");
        Files.writeString(spec, SPEC);
        model = dir.resolve("freq.atelier");
    }

    @Test
    void fitWritesTheModelFileAndPredictScoresWithIt() throws Exception {
        Run fit = run(FitCommand::run, "fit", "--data", data.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("result.json").toString(), "--model-out", model.toString());
        assertEquals(0, fit.code, fit.err);
        ModelFile file = ModelFile.read(model);
        assertEquals(ModelFile.FORMAT_VERSION, file.header().formatVersion());
        assertEquals("portfolio.csv", file.header().dataset());

        Path predictions = dir.resolve("predictions.csv");
        Run predict = run(PredictCommand::run, "predict", "--model", model.toString(), "--data", data.toString(),
                "--out", predictions.toString(), "--id", "IDpol");
        assertEquals(0, predict.code, predict.err);
        assertEquals("Wrote 3000 predictions to " + predictions + "\n", predict.err);

        Frame frame = TestCsv.file(data);
        FittedModel refit = GlmFitter.fit(ModelSpecJson.read(SPEC), frame); // the same fit, in process, to compare with
        double[] mu = refit.predict(frame);
        double[] exposure = ((org.atelier.engine.frame.NumericColumn) frame.column("Exposure").orElseThrow()).values();
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("IDpol,mu,rate", lines.getFirst());
        assertEquals(frame.rowCount() + 1, lines.size());
        double[] ids = ((org.atelier.engine.frame.NumericColumn) frame.column("IDpol").orElseThrow()).values();
        for (int row = 0; row < frame.rowCount(); row++) {
            String[] fields = lines.get(row + 1).split(",");
            assertEquals(Long.toString((long) ids[row]), fields[0]);
            assertEquals(mu[row], Double.parseDouble(fields[1]), 1e-10 * mu[row], "mu of row " + row);
            assertEquals(mu[row] / exposure[row], Double.parseDouble(fields[2]), 1e-10 * mu[row] / exposure[row]);
        }
    }

    @Test
    void aModelFileFromANewerAtelierIsRefusedInOneLine() throws Exception {
        assertEquals(0, run(FitCommand::run, "fit", "--data", data.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("r.json").toString(), "--model-out", model.toString()).code);
        byte[] bytes = Files.readAllBytes(model);
        ByteBuffer.wrap(bytes).putInt(8, ModelFile.FORMAT_VERSION + 1);
        Path newer = dir.resolve("newer.atelier");
        Files.write(newer, bytes);
        Path out = dir.resolve("p.csv");
        Run refused = run(PredictCommand::run, "predict", "--model", newer.toString(), "--data", data.toString(), "--out",
                out.toString());
        assertEquals(1, refused.code);
        assertEquals("ModelFileError: newer.atelier was written by a newer Atelier (model file format "
                + (ModelFile.FORMAT_VERSION + 1) + "; this Atelier reads format " + ModelFile.FORMAT_VERSION
                + "): update Atelier to use it\n", refused.err);
        assertFalse(Files.exists(out));

        // the same for a newer engine model format inside a current file: the model bytes' version follows the header
        byte[] inner = ModelFile.read(model).modelBytes();
        ByteBuffer.wrap(inner).putInt(4, 99);
        Path newerModel = dir.resolve("inner.atelier");
        Files.write(newerModel, ModelFile.of(inner, "x", "y", java.time.Instant.EPOCH).toBytes());
        Run innerRefused = run(PredictCommand::run, "predict", "--model", newerModel.toString(), "--data",
                data.toString(), "--out", out.toString());
        assertEquals(1, innerRefused.code);
        assertTrue(innerRefused.err.startsWith("ModelFileError: inner.atelier: Model format version 99 is newer than"
                + " this Atelier reads"), innerRefused.err);
        assertEquals(1, innerRefused.err.lines().count());
    }

    @Test
    void notAModelFileAndUnknownIdColumnAreOneLine() throws Exception {
        Path out = dir.resolve("p.csv");
        Run notModel = run(PredictCommand::run, "predict", "--model", data.toString(), "--data", data.toString(),
                "--out", out.toString());
        assertEquals(1, notModel.code);
        assertEquals("ModelFileError: portfolio.csv is not an Atelier model file (write one with fit --model-out or"
                + " the workbench's Download model button)\n", notModel.err);
        assertEquals(0, run(FitCommand::run, "fit", "--data", data.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("r.json").toString(), "--model-out", model.toString()).code);
        Run badId = run(PredictCommand::run, "predict", "--model", model.toString(), "--data", data.toString(),
                "--out", out.toString(), "--id", "Policy");
        assertEquals(1, badId.code);
        assertTrue(badId.err.startsWith("UsageError: ID column 'Policy' is not in the data (columns: IDpol,"), badId.err);
        Run usage = run(PredictCommand::run, "predict", "--model", model.toString());
        assertEquals(2, usage.code);
        assertTrue(usage.err.startsWith("UsageError: --model, --data and --out are required"), usage.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void unseenLevelsAreNamed() throws Exception {
        assertEquals(0, run(FitCommand::run, "fit", "--data", data.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("r.json").toString(), "--model-out", model.toString()).code);
        Path later = dir.resolve("later.csv");
        Files.writeString(later, Files.readString(data).replace(",R11,", ",R99,").replace(",R21,", ",R98,"));
        Path out = dir.resolve("p.csv");
        Run unseen = run(PredictCommand::run, "predict", "--model", model.toString(), "--data", later.toString(),
                "--out", out.toString());
        assertEquals(1, unseen.code);
        assertTrue(unseen.err.startsWith("PredictionError: Column 'Region' has levels "), unseen.err);
        assertTrue(unseen.err.contains("'R99'") && unseen.err.contains("'R98'"), unseen.err);
        assertFalse(Files.exists(out));
    }

    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
