package org.atelier.data;

import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilerTest {
    private static Frame parse(String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return CsvReader.parse(bytes, bytes.length);
    }

    @Test
    void profilesEachDtype() {
        Frame frame = parse("""
                id,exposure,area,empty
                1,0.5,A,
                2,,B,
                3,1,A,
                3,0.25,,
                7,0.5,C,
                9,1,B,
                """);

        DatasetProfile profile = Profiler.profile(frame);

        assertThat(profile.nRows()).isEqualTo(6);
        assertThat(profile.nCols()).isEqualTo(4);
        ColumnProfile id = profile.columns().get(0);
        assertThat(id).isEqualTo(new ColumnProfile("id", "Int64", 5, 0, 1.0, 9.0, 25.0 / 6, true, true,
                List.of(1L, 2L, 3L, 3L, 7L)));
        ColumnProfile exposure = profile.columns().get(1);
        assertThat(exposure.dtype()).isEqualTo("Float64");
        assertThat(exposure.nUnique()).isEqualTo(3);
        assertThat(exposure.nMissing()).isEqualTo(1);
        assertThat(exposure.min()).isEqualTo(0.25);
        assertThat(exposure.max()).isEqualTo(1.0);
        assertThat(exposure.mean()).isEqualTo(3.25 / 5);
        assertThat(exposure.sampleValues()).containsExactly(0.5, 1.0, 0.25, 0.5, 1.0);
        assertThat(exposure.sampleValues().getFirst()).isInstanceOf(Double.class);
        ColumnProfile area = profile.columns().get(2);
        assertThat(area).isEqualTo(new ColumnProfile("area", "Utf8", 3, 1, null, null, null, false, true,
                List.of("A", "B", "A", "C", "B")));
        ColumnProfile empty = profile.columns().get(3);
        assertThat(empty.nMissing()).isEqualTo(6);
        assertThat(empty.nUnique()).isZero();
        assertThat(empty.sampleValues()).isEmpty();
        assertThat(profile.warnings()).containsExactly("Column 'empty' has no values");
    }

    @Test
    void numericColumnsWithManyValuesAreNotCategorical() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 21;
        }
        double[] twenty = new double[100];
        for (int i = 0; i < twenty.length; i++) {
            twenty[i] = i % 20;
        }
        Frame frame = new Frame(List.of(new NumericColumn("many", values, true),
                new NumericColumn("twenty", twenty, true)));

        DatasetProfile profile = Profiler.profile(frame);

        assertThat(profile.columns().get(0).nUnique()).isEqualTo(21);
        assertThat(profile.columns().get(0).isCategorical()).isFalse();
        assertThat(profile.columns().get(1).nUnique()).isEqualTo(20);
        assertThat(profile.columns().get(1).isCategorical()).isTrue();
        assertThat(profile.warnings()).isEmpty();
    }

    @Test
    void warnsAboutASingleRowAndAllMissingNumbers() {
        Frame frame = new Frame(List.of(new NumericColumn("x", new double[]{Double.NaN}, false),
                new StringColumn("s", new int[]{0}, new String[]{"a", "unused"})));

        DatasetProfile profile = Profiler.profile(frame);

        assertThat(profile.warnings()).containsExactly("Dataset has a single row: fitting may fail",
                "Column 'x' has no values");
        ColumnProfile x = profile.columns().get(0);
        assertThat(x.min()).isNull();
        assertThat(x.mean()).isNull();
        assertThat(x.nUnique()).isZero();
        assertThat(profile.columns().get(1).nUnique()).isEqualTo(1); // unused dictionary entries don't count
    }

    @Test
    void negativeZeroAndZeroAreOneValue() {
        Frame frame = new Frame(List.of(new NumericColumn("z", new double[]{0.0, -0.0, 1.5}, false)));

        assertThat(Profiler.profile(frame).columns().getFirst().nUnique()).isEqualTo(2);
    }
}
