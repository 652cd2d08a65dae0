package org.atelier.data;

import org.atelier.cli.ReadBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the benchmark tiny, to check it works end to end; no timing is asserted. */
class ReadBenchmarkTest {
    @TempDir
    Path dir;

    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ReadBenchmark.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(expectedExit);
        return output;
    }

    @Test
    void generatesAndTimesTheSamplePortfolio() {
        String output = run(0, "--rows", "2000", "--repeat", "2");

        assertThat(output).contains("Rows: 2,000  Columns: 14", "read 2:", "Read:    best", "Profile: best");
    }

    @Test
    void timesAGivenFile() {
        Path file = dir.resolve("p.csv");
        SamplePortfolio.writeCsv(file, 3, 500);

        assertThat(run(0, "--file", file.toString(), "--repeat", "1")).contains("Rows: 500  Columns: 13");
    }

    @Test
    void reportsBadOptionsAndUnreadableFiles() {
        assertThat(run(2, "--rows")).contains("Option --rows needs a value", "Usage:");
        assertThat(run(1, "--file", dir.resolve("missing.csv").toString()))
                .contains("Error: Cannot read missing.csv: no such file");
    }

    @Test
    void policyRefIsAUniqueTextColumn() {
        Path file = dir.resolve("ref.csv");
        SamplePortfolio.writeCsv(file, 3, 100, true);

        var frame = DatasetReader.read(file);
        var ref = (org.atelier.engine.frame.StringColumn) frame.column("PolicyRef").orElseThrow();
        assertThat(ref.dictionary()).hasSize(100);
        assertThat(ref.value(0)).isEqualTo("POL0000001");
        assertThat(ref.value(99)).isEqualTo("POL0000100");
    }
}
