package org.atelier.data;

import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files are written with parquet-java's own writer (test scope), in the variants real writers produce. */
class ParquetReaderTest {
    private static final String SCHEMA = """
            message policy {
              required int32 id;
              optional int64 claims;
              optional double exposure;
              optional float weight;
              optional binary region (STRING);
              optional boolean diesel;
              optional int32 premium (DECIMAL(9,2));
              optional binary code;
            }""";

    @TempDir
    Path dir;

    enum Variant { PLAIN_SNAPPY, DICTIONARY_GZIP, PAGES_V2_ZSTD, UNCOMPRESSED_SMALL_GROUPS }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void readsEachSupportedTypeWithNulls(Variant variant) throws IOException {
        Path file = dir.resolve("policies.parquet");
        int rows = 2_500;
        write(file, SCHEMA, variant, writer -> {
            SimpleGroupFactory groups = new SimpleGroupFactory(MessageTypeParser.parseMessageType(SCHEMA));
            for (int i = 0; i < rows; i++) {
                Group g = groups.newGroup().append("id", i);
                if (i % 7 != 3) {
                    g.append("claims", (long) (i % 3));
                }
                if (i % 5 != 0) {
                    g.append("exposure", i / 1000.0);
                }
                g.append("weight", 0.5f);
                if (i % 11 != 0) {
                    g.append("region", "R" + (11 + i % 4));
                }
                g.append("diesel", i % 2 == 0);
                if (i != 1) {
                    g.append("premium", 12345 + i); // unscaled: 123.45 + i/100
                }
                g.append("code", "0" + (i % 3));
                writeUnchecked(writer, g);
            }
        });

        Frame frame = DatasetReader.read(file);

        assertThat(frame.rowCount()).isEqualTo(rows);
        assertThat(frame.columnNames())
                .containsExactly("id", "claims", "exposure", "weight", "region", "diesel", "premium", "code");
        NumericColumn id = (NumericColumn) frame.column("id").orElseThrow();
        assertThat(id.integral()).isTrue();
        assertThat(id.values()[2_499]).isEqualTo(2_499);
        NumericColumn claims = (NumericColumn) frame.column("claims").orElseThrow();
        assertThat(claims.integral()).isTrue();
        assertThat(claims.values()[2]).isEqualTo(2);
        assertThat(claims.isMissing(3)).isTrue();
        assertThat(claims.isMissing(10)).isTrue();
        NumericColumn exposure = (NumericColumn) frame.column("exposure").orElseThrow();
        assertThat(exposure.integral()).isFalse();
        assertThat(exposure.isMissing(0)).isTrue();
        assertThat(exposure.values()[1_234]).isEqualTo(1.234);
        assertThat(((NumericColumn) frame.column("weight").orElseThrow()).values()[7]).isEqualTo(0.5);
        StringColumn region = (StringColumn) frame.column("region").orElseThrow();
        assertThat(region.value(0)).isNull();
        assertThat(region.value(1)).isEqualTo("R12");
        assertThat(region.dictionary()).containsExactly("R12", "R13", "R14", "R11");
        NumericColumn diesel = (NumericColumn) frame.column("diesel").orElseThrow();
        assertThat(diesel.integral()).isTrue();
        assertThat(diesel.values()[0]).isEqualTo(1);
        assertThat(diesel.values()[1]).isEqualTo(0);
        NumericColumn premium = (NumericColumn) frame.column("premium").orElseThrow();
        assertThat(premium.integral()).isFalse();
        assertThat(premium.values()[0]).isEqualTo(123.45);
        assertThat(premium.values()[10]).isEqualTo(123.55);
        assertThat(premium.isMissing(1)).isTrue();
        StringColumn code = (StringColumn) frame.column("code").orElseThrow();
        assertThat(code.dictionary()).containsExactly("00", "01", "02");
    }

    @Test
    void refusesDatesNamingTheColumnAndType() throws IOException {
        String schema = "message m { required int32 id; optional int32 start_date (DATE); }";
        Path file = dir.resolve("dates.parquet");
        write(file, schema, Variant.PLAIN_SNAPPY, writer -> writeUnchecked(writer,
                new SimpleGroupFactory(MessageTypeParser.parseMessageType(schema)).newGroup()
                        .append("id", 1).append("start_date", 19_000)));

        assertThatThrownBy(() -> DatasetReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("Column 'start_date' has Parquet type DATE, which Atelier cannot read")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.UNSUPPORTED_TYPE);
    }

    @Test
    void refusesNestedColumns() throws IOException {
        String schema = "message m { required int32 id; optional group address { optional binary city (STRING); } }";
        Path file = dir.resolve("nested.parquet");
        write(file, schema, Variant.PLAIN_SNAPPY, writer -> {
            Group g = new SimpleGroupFactory(MessageTypeParser.parseMessageType(schema)).newGroup().append("id", 1);
            g.addGroup("address").append("city", "Lyon");
            writeUnchecked(writer, g);
        });

        assertThatThrownBy(() -> DatasetReader.read(file))
                .hasMessage("Column 'address' has Parquet type a nested group, which Atelier cannot read");
    }

    @Test
    void emptyFileIsEmpty() throws IOException {
        Path file = dir.resolve("none.parquet");
        write(file, SCHEMA, Variant.PLAIN_SNAPPY, writer -> { });

        assertThatThrownBy(() -> DatasetReader.read(file)).hasMessage("Dataset is empty");
    }

    @Test
    void notParquetIsAParseErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("fake.parquet");
        Files.writeString(file, "a,b\n1,2\n");

        assertThatThrownBy(() -> DatasetReader.read(file))
                .hasMessage("Cannot read fake.parquet: not a Parquet file")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.PARSE_ERROR);
    }

    private static void write(Path file, String schema, Variant variant, Consumer<ParquetWriter<Group>> rows)
            throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new TestCodecs())
                .withType(type)
                .withWriteMode(org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE);
        builder = switch (variant) {
            case PLAIN_SNAPPY -> builder.withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(false);
            case DICTIONARY_GZIP -> builder.withCompressionCodec(CompressionCodecName.GZIP).withDictionaryEncoding(true);
            case PAGES_V2_ZSTD -> builder.withCompressionCodec(CompressionCodecName.ZSTD)
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0);
            case UNCOMPRESSED_SMALL_GROUPS -> builder.withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .withRowGroupSize(4_096L).withPageSize(1_024).withPageRowCountLimit(100);
        };
        try (ParquetWriter<Group> writer = builder.build()) {
            rows.accept(writer);
        }
    }

    private static void writeUnchecked(ParquetWriter<Group> writer, Group group) {
        try {
            writer.write(group);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
