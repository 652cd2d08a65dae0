package org.atelier.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.atelier.data.DatasetReader;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.fit.Coefficient;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.Relativity;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.summary.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated Java program compiles against Atelier and prints exactly what the engine fits. */
class JavaProgramGeneratorTest {
    @TempDir
    static Path dir;
    static Path portfolio;

    private final JavaProgramGenerator generator = new JavaProgramGenerator();

    @BeforeAll
    static void writePortfolio() {
        portfolio = dir.resolve("portfolio.csv");
        SamplePortfolio.writeCsv(portfolio, 20_260_1122L, 20_000);
    }

    /** A frequency model with every term type the engine fits: categorical, linear, B-spline and a product interaction. */
    static ModelSpec frequencyModel() {
        return ModelSpec.of("ClaimNb", "poisson", List.of(
                        TermSpec.categorical("Area"),
                        TermSpec.linear("VehAge"),
                        TermSpec.bs("DrivAge", 4, null),
                        TermSpec.linear("BonusMalus"),
                        TermSpec.categorical("VehGas")))
                .withOffset("Exposure")
                .withInteractions(List.of(InteractionSpec.of(TermSpec.linear("VehAge"), TermSpec.categorical("VehGas"), true)))
                .withFitOptions(FitOptions.DEFAULT.withIterations(50, 1e-10));
    }

    @Test
    void theProgramPrintsTheEnginesCoefficientsAndRelativities() {
        ModelSpec spec = frequencyModel();
        String output = CompiledProgram.compile(generator.generate(spec, portfolio.toString()), dir.resolve("frequency")).run();

        FittedModel direct = GlmFitter.fit(spec, DatasetReader.read(portfolio));
        assertThat(output).startsWith(Summary.render(direct));
        assertThat(CompiledProgram.table(output, JavaProgramGenerator.COEFFICIENTS_HEADER))
                .containsExactlyElementsOf(coefficientRows(direct.coefficientTable()));
        assertThat(CompiledProgram.table(output, JavaProgramGenerator.RELATIVITIES_HEADER))
                .containsExactlyElementsOf(relativityRows(direct.relativities()));
        assertThat(direct.coefficientTable()).extracting(Coefficient::feature)
                .contains("Area[T.B]", "VehAge", "bs(DrivAge, 1/4)", "VehAge:VehGas[T.Regular]");
    }

    @Test
    void aSpecWithAHoldOutFitsTheTrainingRowsAndPrintsTheHoldOut() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge")))
                .withOffset("Exposure").withValidation(org.atelier.engine.spec.Validation.random(0.25, 7));
        String source = generator.generate(spec, portfolio.toString());
        assertThat(source).contains("Validation.random(0.25, 7L)");
        String output = CompiledProgram.compile(source, dir.resolve("holdout")).run();

        var data = DatasetReader.read(portfolio);
        FittedModel direct = GlmFitter.fit(spec, data);
        var test = org.atelier.engine.diagnostics.Diagnostics.compute(direct,
                org.atelier.engine.fit.HoldOut.split(spec, data).test(),
                org.atelier.engine.diagnostics.DiagnosticsOptions.DEFAULT);
        assertThat(direct.statistics().nObs()).isLessThan(data.rowCount());
        assertThat(output).startsWith(Summary.render(direct));
        assertThat(output).contains(String.format(Locale.ROOT, "Hold-out: %d rows, A/E %.4f, Gini %.4f",
                test.totals().nObs(), test.totals().ae(), test.gini()));
        assertThat(CompiledProgram.table(output, JavaProgramGenerator.COEFFICIENTS_HEADER))
                .containsExactlyElementsOf(coefficientRows(direct.coefficientTable()));
        String column = generator.generate(spec.withValidation(
                org.atelier.engine.spec.Validation.column("Area", List.of("A", "B"))), portfolio.toString());
        assertThat(column).contains("Validation.column(\"Area\", List.of(\"A\", \"B\"))");
    }

    @Test
    void aModelWithoutLogLinkPrintsNoRelativities() {
        ModelSpec spec = ModelSpec.of("BonusMalus", "gaussian", List.of(TermSpec.linear("DrivAge"), TermSpec.categorical("Area")))
                .withWeights("Exposure");
        String output = CompiledProgram.compile(generator.generate(spec, portfolio.toString()), dir.resolve("gaussian")).run();

        FittedModel direct = GlmFitter.fit(spec, DatasetReader.read(portfolio));
        assertThat(CompiledProgram.table(output, JavaProgramGenerator.COEFFICIENTS_HEADER))
                .containsExactlyElementsOf(coefficientRows(direct.coefficientTable()));
        assertThat(output).doesNotContain("Relativities");
    }

    @Test
    void theDataFileCanBeGivenAsFirstArgument() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.linear("BonusMalus"))).withOffset("Exposure");
        String output = CompiledProgram.compile(generator.generate(spec, "/nowhere/portfolio.csv"), dir.resolve("argument"))
                .run(portfolio.toString());
        FittedModel direct = GlmFitter.fit(spec, DatasetReader.read(portfolio));
        assertThat(CompiledProgram.table(output, JavaProgramGenerator.COEFFICIENTS_HEADER))
                .containsExactlyElementsOf(coefficientRows(direct.coefficientTable()));
    }

    /** Options the engine does not fit yet still have to come out as compiling code with the same values. */
    @Test
    void everyFieldOfTheSpecCompiles() {
        ModelSpec spec = new ModelSpec("claim \"count\"\n", List.of(
                new TermSpec("DrivAge", TermType.BS, null, 10, 2, Monotonicity.INCREASING, null, null, null, null),
                new TermSpec("Region", TermType.TARGET_ENCODING, null, null, null, null, null, null, 1.0, 4),
                new TermSpec("VehBrand", TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null),
                TermSpec.categorical("Area", List.of("A", "B\\C", "\u0001")),
                TermSpec.expression("BM2", "BonusMalus ** 2"),
                TermSpec.ns("Density", 4),
                new TermSpec("VehPower", TermType.LINEAR, null, null, null, Monotonicity.DECREASING, null, null, null, null)),
                List.of(new InteractionSpec(TermSpec.categorical("VehBrand"), TermSpec.categorical("Region"), false, true, false),
                        new InteractionSpec(TermSpec.categorical("VehBrand"), TermSpec.linear("VehAge"), true, false, true)),
                "negbinomial", "log", 1.5, 2.5, "Exposure", "Weight", false,
                new FitOptions(0.01, 0.5, 100, 1e-9, PenaltyKind.ELASTIC_NET, 5, Selection.ONE_SE, 30, 42L));
        String source = generator.generate(spec, "C:\\data\\\"new\" portfolio.csv");
        CompiledProgram.compile(source, dir.resolve("every-field"));
        assertThat(source)
                .contains("new TermSpec(\"DrivAge\", TermType.BS, /* df */ null, /* k */ 10, /* degree */ 2,\n")
                .contains("/* monotonicity */ Monotonicity.INCREASING, /* levels */ null, /* expr */ null")
                .contains("TermSpec.categorical(\"Area\", List.of(\"A\", \"B\\\\C\", \"\\001\"))")
                .contains("TermSpec.expression(\"BM2\", \"BonusMalus ** 2\")")
                .contains("new InteractionSpec(TermSpec.categorical(\"VehBrand\"), TermSpec.categorical(\"Region\"), false, true, false)")
                .contains("new FitOptions(0.01, 0.5, 100, 1.0E-9, PenaltyKind.ELASTIC_NET, 5, Selection.ONE_SE, 30, 42L)")
                .contains("\"claim \\\"count\\\"\\n\",")
                .contains("Path.of(args.length > 0 ? args[0] : \"C:\\\\data\\\\\\\"new\\\" portfolio.csv\")")
                .contains("2.5,");
    }

    @Test
    void aSpecWithoutResponseOrWithAnUnknownFamilyIsRejected() {
        List<TermSpec> terms = List.of(TermSpec.linear("x"));
        assertThatThrownBy(() -> generator.generate(ModelSpec.of(null, "poisson", terms), "d.csv"))
                .isInstanceOf(UnsupportedSpecException.class).hasMessageContaining("response");
        assertThatThrownBy(() -> generator.generate(ModelSpec.of("y", "lognormal", terms), "d.csv"))
                .isInstanceOf(UnsupportedSpecException.class).hasMessageContaining("family 'lognormal'");
    }

    /** The header's promise: the file runs as a source file with Atelier on the class path, in a JVM of its own. */
    @Test
    void runsAsASourceFileInItsOwnJvm() throws IOException, InterruptedException {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus")))
                .withOffset("Exposure");
        Path source = dir.resolve("source-launch").resolve(JavaProgramGenerator.CLASS_NAME + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, generator.generate(spec, portfolio.toString()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        FittedModel direct = GlmFitter.fit(spec, DatasetReader.read(portfolio));
        assertThat(CompiledProgram.table(output, JavaProgramGenerator.COEFFICIENTS_HEADER))
                .containsExactlyElementsOf(coefficientRows(direct.coefficientTable()));
    }

    /** The engine's values as the program prints them: the comparison is exact to the printed ten digits. */
    private static List<CompiledProgram.Row> coefficientRows(List<Coefficient> table) {
        List<CompiledProgram.Row> rows = new ArrayList<>();
        for (Coefficient c : table) {
            rows.add(new CompiledProgram.Row(c.feature(), g(c.estimate()), g(c.stdError()), g(c.pValue())));
        }
        return rows;
    }

    private static List<CompiledProgram.Row> relativityRows(List<Relativity> table) {
        List<CompiledProgram.Row> rows = new ArrayList<>();
        for (Relativity r : table) {
            rows.add(new CompiledProgram.Row(r.feature(), g(r.relativity()), g(r.ciLower()), g(r.ciUpper())));
        }
        return rows;
    }

    private static String g(double value) {
        return String.format(Locale.ROOT, "%.10g", value);
    }
}
