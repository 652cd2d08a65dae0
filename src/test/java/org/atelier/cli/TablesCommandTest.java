package org.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.engine.TestCsv;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.model.ModelFile;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.tables.ExportedTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tables --model M --out T}: the model file (the engine's serialised model) to rating tables. */
class TablesCommandTest {
    private static Frame portfolio;
    private static byte[] curves;
    private static byte[] levelsOnly;
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void models() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        curves = modelFile(GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(
                TermSpec.categorical("Area"), TermSpec.linear("DrivAge"))).withOffset("Exposure"), portfolio));
        levelsOnly = modelFile(GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(
                TermSpec.categorical("Area"), TermSpec.categorical("VehGas"))).withOffset("Exposure"), portfolio));
    }

    private static byte[] modelFile(org.atelier.engine.fit.FittedModel model) {
        return ModelFile.of(model, "test model", "portfolio50k.csv", java.time.Instant.EPOCH).toBytes();
    }

    private int run(String... args) {
        return TablesCommand.run(args, new PrintStream(out), new PrintStream(err), path -> portfolio);
    }

    private Path model(byte[] bytes) throws Exception {
        Path file = dir.resolve("model.atelier");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void writesTheWorkbookOfAModelFile() throws Exception {
        Path xlsx = dir.resolve("tables.xlsx");
        int code = run("--model", model(curves).toString(), "--data", "train.csv", "--out", xlsx.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote " + xlsx).contains("2 tables, base rate");
        var sheets = ExportedTables.xlsx(Files.readAllBytes(xlsx));
        assertThat(sheets.keySet()).containsExactly("Overview", "Area", "DrivAge");
        assertThat(sheets.get("Overview")).anySatisfy(r -> assertThat(r).containsExactly("Model", "model.atelier"));
        assertThat(sheets.get("Overview")).anySatisfy(r -> assertThat(r).containsExactly("Dataset", "train.csv"));
    }

    @Test
    void writesTheStackedCsvWithChosenBands() throws Exception {
        Path csv = dir.resolve("tables.csv");
        int code = run("--model", model(curves).toString(), "--data", "train.csv", "--out", csv.toString(),
                "--bands", "DrivAge=25,40,60");
        assertThat(code).as(err.toString()).isZero();
        List<List<String>> rows = ExportedTables.csv(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(rows.get(1).subList(0, 2)).containsExactly("Base rate", "");
        assertThat(rows).filteredOn(r -> r.getFirst().equals("DrivAge")).extracting(r -> r.get(1))
                .containsExactly("< 25", "[25, 40)", "[40, 60)", "≥ 60");
    }

    @Test
    void aModelOfLevelsNeedsNoDataButSaysWhatItLacks() throws Exception {
        Path zip = dir.resolve("tables.zip");
        int code = run("--model", model(levelsOnly).toString(), "--out", zip.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("without --data: no exposure per level");
        assertThat(ExportedTables.zip(Files.readAllBytes(zip)).keySet())
                .containsExactly("overview.csv", "Area.csv", "VehGas.csv");
    }

    @Test
    void badInputGetsOneLineNamingTheCulprit() throws Exception {
        Path file = model(curves);
        assertThat(run("--model", file.toString(), "--out", dir.resolve("t.xlsx").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("DrivAge").contains("--data FILE").doesNotContain("\tat ");
        err.reset();
        assertThat(run("--model", file.toString(), "--out", dir.resolve("t.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("t.txt").contains(".xlsx");
        err.reset();
        Path notAModel = dir.resolve("data.atelier");
        Files.writeString(notAModel, "ClaimNb,Exposure\n1,0.5\n");
        assertThat(run("--model", notAModel.toString(), "--out", dir.resolve("t.csv").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("data.atelier is not an Atelier model file");
        err.reset();
        assertThat(run("--model", file.toString(), "--data", "x.csv", "--out", dir.resolve("t.csv").toString(),
                "--bands", "DrivAge=25,x")).isEqualTo(2);
        assertThat(err.toString()).contains("'x' is not a number");
    }
}
