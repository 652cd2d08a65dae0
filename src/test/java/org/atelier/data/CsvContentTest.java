package org.atelier.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small crafted files named .csv whose content is not plain UTF-8 CSV: each refused or read, never silently wrong. */
class CsvContentTest {
    private static final String CSV = "Region,Claims\nNord,1\nSud,2\n";

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("policies.csv");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void latin1BytesAreRefusedNamingTheLineAndWhatToDo() throws IOException {
        byte[] latin1 = "Region,Claims\nNord,1\nR\u00e9union,2\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write(latin1);
        assertThatThrownBy(() -> DatasetReader.read(file)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("Line 3: byte 0xE9 in \"R?union,2\" is not UTF-8")
                .hasMessageContaining("Latin-1 or Windows-1252").hasMessageContaining("Save it as UTF-8");
    }

    @Test
    void aNulByteInAFieldIsRefusedNamingTheLine() throws IOException {
        Path file = write("Region,Claims\nNord,1\nS\0ud,2\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DatasetReader.read(file)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("Line 3: a NUL byte (0x00) in the field");
    }

    @Test
    void utf16WithOrWithoutByteOrderMarkIsDecoded() throws IOException {
        String text = "Region,Claims\nR\u00e9union,1\nSud,2\n";
        for (byte[] bytes : new byte[][] {
                withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
                withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
                text.getBytes(StandardCharsets.UTF_16LE)}) {
            Frame frame = DatasetReader.read(write(bytes));
            assertThat(frame.columnNames()).containsExactly("Region", "Claims");
            assertThat(((StringColumn) frame.column("Region").orElseThrow()).dictionary()).containsExactly("R\u00e9union", "Sud");
            assertThat(((NumericColumn) frame.column("Claims").orElseThrow()).values()).containsExactly(1, 2);
        }
    }

    @Test
    void gzipContentNamedCsvIsRefusedWithWhatToDo() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        Path file = write(packed.toByteArray());
        assertThatThrownBy(() -> DatasetReader.read(file)).isInstanceOf(DatasetException.class)
                .hasMessage("The file is compressed (gzip), not plain CSV: name it .csv.gz, or unzip it and upload the .csv");
    }

    @Test
    void binaryContentNamedCsvIsRefused() throws IOException {
        byte[] png = new byte[512];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);
        for (int i = header.length; i < png.length; i++) {
            png[i] = (byte) (i * 37);
        }
        Path file = write(png);
        assertThatThrownBy(() -> DatasetReader.read(file)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("The file is binary, not a text CSV file");
        Path workbook = write(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0});
        assertThatThrownBy(() -> DatasetReader.read(workbook)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("an Excel .xlsx workbook is one").hasMessageContaining("CSV UTF-8");
    }

    @Test
    void aTwentyNineDigitIntegerKeepsTheColumnTextAndTheProfileSaysWhy() throws IOException {
        Frame frame = DatasetReader.read(write("Amount,Claims\n12.5,1\n12345678901234567890123456789,2\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(frame.column("Amount").orElseThrow()).isInstanceOf(StringColumn.class);
        assertThat(Profiler.profile(frame).warnings()).containsExactly("Column 'Amount' is read as text: its values are"
                + " numbers, but 1 of them (e.g. 12345678901234567890123456789, 29 digits) are integers longer than a"
                + " number holds exactly. Identifiers keep their digits as text; if the column is a measure, correct"
                + " those values");
    }

    @Test
    void infAndNanTextKeepANumericColumnNumeric() throws IOException {
        Frame frame = DatasetReader.read(write("Ratio,Claims\n1.5,1\nInf,2\n-Inf,0\nNaN,1\n2,1\n"
                .getBytes(StandardCharsets.UTF_8)));
        NumericColumn ratio = (NumericColumn) frame.column("Ratio").orElseThrow();
        assertThat(ratio.values()).containsExactly(1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 2);
        assertThat(Profiler.profile(frame).warnings()).containsExactly("Column 'Ratio' has 2 infinite values (Inf or"
                + " -Inf; first on data row 2): a model cannot use them, so a fit with this column is refused until they"
                + " are replaced or left empty");
    }

    private static byte[] withBom(byte[] bom, byte[] text) {
        byte[] out = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(text, 0, out, bom.length, text.length);
        return out;
    }
}
