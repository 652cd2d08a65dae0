package org.atelier.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    @TempDir
    Path dir;

    private static Frame parse(String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return CsvReader.parse(bytes, bytes.length);
    }

    private static NumericColumn numeric(Frame frame, String name) {
        return (NumericColumn) frame.column(name).orElseThrow();
    }

    private static StringColumn text(Frame frame, String name) {
        return (StringColumn) frame.column(name).orElseThrow();
    }

    @Test
    void infersIntegerFloatAndStringColumns() {
        Frame frame = parse("""
                id,exposure,area,neg,sci
                1,0.5,A,-3,1e3
                2,1,B,+4,2.5E-2
                3,.25,A,0,-0.0
                """);

        assertThat(frame.rowCount()).isEqualTo(3);
        assertThat(numeric(frame, "id").integral()).isTrue();
        assertThat(numeric(frame, "id").values()).containsExactly(1, 2, 3);
        assertThat(numeric(frame, "exposure").integral()).isFalse();
        assertThat(numeric(frame, "exposure").values()).containsExactly(0.5, 1, 0.25);
        assertThat(text(frame, "area").codes()).containsExactly(0, 1, 0);
        assertThat(text(frame, "area").dictionary()).containsExactly("A", "B");
        assertThat(numeric(frame, "neg").values()).containsExactly(-3, 4, 0);
        assertThat(numeric(frame, "neg").integral()).isTrue();
        assertThat(numeric(frame, "sci").integral()).isFalse();
        assertThat(numeric(frame, "sci").values()).containsExactly(1000, 0.025, -0.0);
    }

    @Test
    void parsesDecimalsExactlyLikeJava() {
        String[] samples = {"0.1", "0.0027", "123456.789", "1.7976931348623157e308", "4.9e-324",
                "3.141592653589793238", "9007199254740993.5", "0.30000000000000004", "1e-30", "-12.5e+3"};
        StringBuilder csv = new StringBuilder("x\n");
        for (String s : samples) {
            csv.append(s).append('\n');
        }
        double[] values = numeric(parse(csv.toString()), "x").values();
        for (int i = 0; i < samples.length; i++) {
            assertThat(values[i]).as(samples[i]).isEqualTo(Double.parseDouble(samples[i]));
        }
    }

    @Test
    void codesWithLeadingZerosAndHugeIntegersStayText() {
        Frame frame = parse("""
                dept,policy,zero
                01,12345678901234567890,0
                75,2,0
                """);

        assertThat(text(frame, "dept").dictionary()).containsExactly("01", "75");
        assertThat(text(frame, "policy").dictionary()).containsExactly("12345678901234567890", "2");
        assertThat(numeric(frame, "zero").values()).containsExactly(0, 0);
    }

    @Test
    void missingValuesAreEmptyNaNullOrNanUnlessQuoted() {
        Frame frame = parse("""
                a,b,c
                1,,x
                NA,NaN,NA
                null,NULL,"NA"
                4,2.5,
                """);

        assertThat(numeric(frame, "a").integral()).isTrue();
        assertThat(numeric(frame, "a").values()).containsExactly(1, Double.NaN, Double.NaN, 4);
        assertThat(numeric(frame, "b").integral()).isFalse();
        assertThat(numeric(frame, "b").isMissing(0)).isTrue();
        assertThat(numeric(frame, "b").isMissing(1)).isTrue();
        assertThat(numeric(frame, "b").values()[3]).isEqualTo(2.5);
        StringColumn c = text(frame, "c");
        assertThat(c.value(0)).isEqualTo("x");
        assertThat(c.value(1)).isNull();
        assertThat(c.value(2)).isEqualTo("NA");
        assertThat(c.value(3)).isNull();
    }

    @Test
    void allMissingColumnIsEmptyText() {
        Frame frame = parse("a,b\n1,\n2,NA\n");

        StringColumn b = text(frame, "b");
        assertThat(b.dictionary()).isEmpty();
        assertThat(b.codes()).containsExactly(-1, -1);
    }

    @Test
    void columnThatTurnsTextLateKeepsEveryValueAsWritten() {
        int rows = 250_000; // enough for several parallel ranges
        StringBuilder csv = new StringBuilder("n,code,x\n");
        for (int i = 0; i < rows; i++) {
            // numbers and blanks, except for one late row
            String code = i == rows - 10 ? "B12" : i % 3 == 0 ? String.valueOf(i % 5) : i % 3 == 1 ? "1.50" : "";
            csv.append(i).append(',').append(code).append(',').append(i % 2 == 0 ? "1e2" : "3").append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        Frame frame = CsvReader.parse(bytes, bytes.length, 4);

        StringColumn code = text(frame, "code");
        assertThat(code.value(0)).isEqualTo("0");
        assertThat(code.value(1)).isEqualTo("1.50");
        assertThat(code.value(2)).isNull();
        assertThat(code.value(rows - 10)).isEqualTo("B12");
        assertThat(code.value(rows - 4)).isEqualTo(String.valueOf((rows - 4) % 5));
        assertThat(code.value(rows - 3)).isEqualTo("1.50");
        assertThat(code.dictionary()).containsExactly("0", "1.50", "3", "1", "4", "2", "B12");
        assertThat(numeric(frame, "n").values()[rows - 1]).isEqualTo(rows - 1);
        assertThat(numeric(frame, "x").integral()).isFalse();
        Frame single = CsvReader.parse(bytes, bytes.length, 1);
        assertThat(text(single, "code").codes()).isEqualTo(code.codes());
    }

    @Test
    void parallelAndSingleThreadedReadsAgree() throws IOException {
        Path file = dir.resolve("portfolio.csv");
        SamplePortfolio.writeCsv(file, 7, 300_000);
        byte[] bytes = Files.readAllBytes(file);

        Frame parallel = CsvReader.parse(bytes, bytes.length, 3);
        Frame single = CsvReader.parse(bytes, bytes.length, 1);

        for (String name : single.columnNames()) {
            if (single.column(name).orElseThrow() instanceof NumericColumn n) {
                assertThat(numeric(parallel, name).values()).as(name).isEqualTo(n.values());
            } else {
                assertThat(text(parallel, name).codes()).as(name).isEqualTo(text(single, name).codes());
                assertThat(text(parallel, name).dictionary()).as(name).isEqualTo(text(single, name).dictionary());
            }
        }
    }

    @Test
    void blocksCutAnywhereReadLikeOneBlock() {
        StringBuilder csv = new StringBuilder("\uFEFFn,code,note\r\n");
        for (int i = 0; i < 400; i++) {
            // "code" is numbers for many blocks, then text: the file is read again with it text from the start
            String code = i == 390 ? "B12" : i % 3 == 0 ? String.valueOf(i % 5) : i % 3 == 1 ? "1.50" : "";
            String note = i % 7 == 0 ? "\"two\r\nlines, \"\"quoted\"\"\"" : i % 7 == 1 ? "Sète" : "";
            csv.append(i).append(',').append(code).append(',').append(note).append(i % 11 == 0 ? "\r\n\r\n" : "\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Frame whole = CsvReader.parse(bytes, bytes.length, 1);

        for (int block : new int[] {1, 2, 3, 7, 64, 1_000}) {
            Frame blocks = CsvReader.parse(bytes, bytes.length, 2, block);
            assertThat(numeric(blocks, "n").values()).as("block %d", block).isEqualTo(numeric(whole, "n").values());
            for (String name : new String[] {"code", "note"}) {
                assertThat(text(blocks, name).codes()).as("%s, block %d", name, block).isEqualTo(text(whole, name).codes());
                assertThat(text(blocks, name).dictionary()).as("%s, block %d", name, block)
                        .isEqualTo(text(whole, name).dictionary());
            }
        }
        assertThat(text(whole, "code").value(1)).isEqualTo("1.50");
        assertThat(text(whole, "code").dictionary()).startsWith("0", "1.50", "3").contains("B12");
        assertThat(text(whole, "note").value(0)).isEqualTo("two\r\nlines, \"quoted\"");
        assertThat(text(whole, "note").value(1)).isEqualTo("Sète");
        byte[] wrong = ("a,b\n" + "1,2\n".repeat(1_232) + "1,2,3\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvReader.parse(wrong, wrong.length, 1, 5))
                .hasMessage("Line 1,234: expected 2 fields, found 3");
    }

    @Test
    void quotedFieldsFollowRfc4180() {
        Frame frame = parse("name,note,n\r\n"
                + "\"Smith, J\",\"said \"\"hi\"\"\",1\r\n"
                + "\"multi\nline\",plain,\"2\"\r\n"
                + "\"\",\"a\"\"\",3\r\n");

        StringColumn name = text(frame, "name");
        assertThat(name.value(0)).isEqualTo("Smith, J");
        assertThat(name.value(1)).isEqualTo("multi\nline");
        assertThat(name.value(2)).isNull();
        assertThat(text(frame, "note").dictionary()).containsExactly("said \"hi\"", "plain", "a\"");
        assertThat(numeric(frame, "n").values()).containsExactly(1, 2, 3);
    }

    @Test
    void crlfBomHeaderTrimmingAndBlankLines() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = " Area , Exposure\r\nA ,1\r\n\r\nB,0.5\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);

        Frame frame = CsvReader.parse(bytes, bytes.length);

        assertThat(frame.columnNames()).containsExactly("Area", "Exposure");
        assertThat(text(frame, "Area").dictionary()).containsExactly("A ", "B"); // values are not trimmed
        assertThat(numeric(frame, "Exposure").values()).containsExactly(1, 0.5);
    }

    @Test
    void lastRowWithoutNewlineAndUtf8Text() {
        Frame frame = parse("ville,n\nSète,1\nÉvry,2");

        assertThat(text(frame, "ville").dictionary()).containsExactly("Sète", "Évry");
        assertThat(numeric(frame, "n").values()).containsExactly(1, 2);
    }

    @Test
    void semicolonSeparatedFilesAreRecognised() {
        Frame frame = parse("a;b\n1;x\n2;y\n");

        assertThat(frame.columnNames()).containsExactly("a", "b");
        assertThat(numeric(frame, "a").values()).containsExactly(1, 2);
    }

    @Test
    void readsGzippedCsvByName() throws IOException {
        Path file = dir.resolve("data.CSV.GZ");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8));
        }

        Frame frame = DatasetReader.read(file);

        assertThat(frame.rowCount()).isEqualTo(2);
        assertThat(text(frame, "b").dictionary()).containsExactly("x", "y");
    }

    @Test
    void gzippedFileIsLimitedByItsUnpackedSize() throws IOException {
        Path file = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("a\n" + "1\n".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Files.size(file)).isLessThan(1_000);
        assertThatThrownBy(() -> DatasetReader.read(file, 5_000))
                .hasMessage("File bomb.csv.gz unpacks to over 1 MB, the limit")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.TOO_LARGE);
        assertThat(DatasetReader.read(file, 10_002).rowCount()).isEqualTo(5_000); // exactly at the limit
    }

    @Test
    void wrongFieldCountNamesTheLine() {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 1_232; i++) {
            csv.append("1,2,3\n");
        }
        csv.append("1,2\n");

        assertThatThrownBy(() -> parse(csv.toString()))
                .isInstanceOf(DatasetException.class)
                .hasMessage("Line 1,234: expected 3 fields, found 2")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.PARSE_ERROR);
        assertThatThrownBy(() -> parse("a,b\n1,2\n\"x\ny\",2,3\n"))
                .hasMessage("Line 3: expected 2 fields, found 3");
    }

    @Test
    void lineNumbersCountNewlinesInsideQuotes() {
        assertThatThrownBy(() -> parse("a,b\n\"1\n2\",2\n3\n"))
                .hasMessage("Line 4: expected 2 fields, found 1");
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\n4,5\n"))
                .hasMessage("Line 3: unclosed quote");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> parse("a,b\n\"x\"y,2\n"))
                .hasMessage("Line 2: unexpected character after a closing quote");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreEmpty() {
        assertThatThrownBy(() -> parse("")).hasMessage("Dataset is empty")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.EMPTY);
        assertThatThrownBy(() -> parse("\n\n")).hasMessage("Dataset is empty");
        assertThatThrownBy(() -> parse("a,b,c\n")).hasMessage("Dataset is empty");
        assertThatThrownBy(() -> parse("a,b,c")).hasMessage("Dataset is empty");
    }

    @Test
    void duplicateColumnNamesAreListedOnce() {
        assertThatThrownBy(() -> parse("Area,Region,x,Area,Region,Area\n1,2,3,4,5,6\n"))
                .hasMessage("Duplicate column names: Area, Region")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.DUPLICATE_COLUMNS);
    }

    @Test
    void emptyHeaderNamesAreNumbered() {
        Frame frame = parse("\"\",a\n1,2\n");

        assertThat(frame.columnNames()).containsExactly("column_1", "a");
    }

    @Test
    void fileOverTheLimitIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "a\n" + "1\n".repeat(1_000));

        assertThatThrownBy(() -> DatasetReader.read(file, 1_000))
                .hasMessage("File is 2,002 bytes, over the 1,000 bytes limit")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.TOO_LARGE);
    }

    @Test
    void missingFileIsUnreadable() {
        assertThatThrownBy(() -> DatasetReader.read(dir.resolve("nope.csv")))
                .hasMessage("Cannot read nope.csv: no such file")
                .extracting(e -> ((DatasetException) e).kind()).isEqualTo(DatasetException.Kind.UNREADABLE);
    }
}
