package org.atelier.data;

import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads an RFC 4180 CSV file (UTF-8, header row) into typed columns.
 *
 * <p>Rules, chosen to keep values exactly as written:
 * <ul>
 * <li>Type per column: every present value an integer -> numeric, integral (Int64); every present value a
 * number -> numeric (Float64); otherwise text (Utf8) with each value's text unchanged ("01" stays "01").
 * Numbers follow {@link NumberText}'s strict grammar, so codes with leading zeros stay text.</li>
 * <li>Missing: an empty field (quoted or not), and the unquoted tokens {@code NA}, {@code NaN}, {@code null},
 * {@code NULL} that R, pandas and databases write for missing values. A quoted {@code "NA"} is the text NA
 * (R's write.csv quotes text and leaves its NA unquoted, so this tells the two apart). A column with no
 * present value at all is an all-missing text column.</li>
 * <li>Values are not trimmed; header names are (and a UTF-8 byte order mark is dropped). An empty header
 * name becomes {@code column_N} (N counted from 1).</li>
 * <li>Rows end with LF or CRLF; blank lines are skipped; every other row must have as many fields as the
 * header. The delimiter is a comma, unless the header has none and has semicolons (or tabs).</li>
 * <li>{@code .gz} files are gunzipped on the fly. UTF-16 text is decoded; gzip, zip, Parquet or other binary
 * content, NUL bytes and bytes that are not UTF-8 are refused with what to do ({@link CsvContent}).</li>
 * <li>{@code Inf}, {@code -Inf}, {@code Infinity} are numbers (±∞), so a numeric column stays numeric; the profile
 * warns of them and a fit refuses them as it refuses missing values, naming the column and the count.</li>
 * </ul>
 *
 * <p>Speed: the file is read into one byte array, one sequential pass finds the row starts, then row ranges
 * are parsed in parallel straight from the bytes into primitive arrays (no String per field).
 */
public final class CsvReader {
    /** Below this many rows one thread is faster than coordinating several. */
    private static final int ROWS_PER_THREAD = 100_000;
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 16;

    private CsvReader() {
    }

    public static Frame read(Path file) {
        return read(file, DatasetLimits.DEFAULT_MAX_BYTES);
    }

    /** Reads {@code file} (gunzipping {@code .gz}) after checking its size against {@code maxBytes}. */
    public static Frame read(Path file, long maxBytes) {
        byte[] data;
        try {
            DatasetLimits.checkSize(Files.size(file), Math.min(maxBytes, MAX_BUFFER));
            if (DatasetFormat.isGzip(file.getFileName().toString())) {
                return gunzipAndParse(file, maxBytes);
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw DatasetReader.unreadable(file, e);
        }
        return parse(data, data.length);
    }

    /** Parses {@code data[0, length)} with as many threads as there are cores (and rows to share). */
    public static Frame parse(byte[] data, int length) {
        return parse(data, length, Runtime.getRuntime().availableProcessors());
    }

    static Frame parse(byte[] raw, int rawLength, int maxThreads) {
        CsvContent.Text text = CsvContent.check(raw, rawLength);
        byte[] data = text.data();
        int length = text.length();
        int from = hasByteOrderMark(data, length) ? 3 : 0;
        CsvFieldCursor.LineNumbers lines = position -> lineAt(data, position);
        byte delimiter = sniffDelimiter(data, from, length);
        CsvRowScanner.RowStarts rowStarts = CsvRowScanner.rowStarts(data, from, length, delimiter, lines);
        if (rowStarts.count() == 0) {
            throw DatasetException.empty();
        }
        List<String> names = header(data, length, delimiter, rowStarts.starts()[0], lines);
        int rows = rowStarts.count() - 1;
        if (rows == 0) {
            throw DatasetException.empty();
        }
        int columns = names.size();
        int threads = Math.max(1, Math.min(maxThreads, rows / ROWS_PER_THREAD));
        CsvTable table = new CsvTable(data, length, delimiter, rowStarts.starts(), rows, columns, lines);
        List<CsvChunk> chunks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            chunks.add(new CsvChunk(table, (int) ((long) rows * t / threads), (int) ((long) rows * (t + 1) / threads)));
        }
        Parallel.run(chunks, CsvChunk::parse);
        List<Column> result = new ArrayList<>(columns);
        for (int j = 0; j < columns; j++) {
            result.add(CsvColumns.assemble(names.get(j), j, table, chunks));
        }
        return new Frame(result);
    }

    private static List<String> header(byte[] data, int length, byte delimiter, int start,
                                       CsvFieldCursor.LineNumbers lines) {
        CsvFieldCursor cursor = new CsvFieldCursor(data, length, delimiter, lines);
        cursor.position = start;
        List<String> names = new ArrayList<>();
        int ending;
        do {
            ending = cursor.next();
            String raw = new String(data, cursor.start, cursor.end - cursor.start, StandardCharsets.UTF_8);
            String name = (cursor.escaped ? raw.replace("\"\"", "\"") : raw).strip();
            names.add(name.isEmpty() ? "column_" + (names.size() + 1) : name);
        } while (ending == CsvFieldCursor.DELIMITER);
        DatasetReader.checkUniqueNames(names);
        return names;
    }

    /** Comma, unless the header line has none but has semicolons (European exports) or tabs. */
    private static byte sniffDelimiter(byte[] data, int from, int length) {
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int p = from; p < length; p++) {
            byte b = data[p];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == ',') {
                    return ',';
                }
                if (b == '\n') {
                    break;
                }
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
        }
        return semicolons > 0 ? (byte) ';' : tabs > 0 ? (byte) '\t' : (byte) ',';
    }

    private static boolean hasByteOrderMark(byte[] data, int length) {
        return length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB && data[2] == (byte) 0xBF;
    }

    /** 1-based physical line of a byte offset; only called to word an error. */
    private static long lineAt(byte[] data, int position) {
        long line = 1;
        for (int p = 0; p < position && p < data.length; p++) {
            if (data[p] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Gunzips into one buffer; the size limit applies to the unpacked bytes too, as they are what is held. */
    private static Frame gunzipAndParse(Path file, long maxBytes) throws IOException {
        int cap = (int) Math.min(MAX_BUFFER, maxBytes);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[(int) Math.min(cap, Math.max(1 << 16, Files.size(file) * 6))];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length == cap) {
                        if (in.read() < 0) {
                            return parse(buffer, length);
                        }
                        throw new DatasetException(DatasetException.Kind.TOO_LARGE, "File " + file.getFileName()
                                + " unpacks to over " + ((cap + 999_999L) / 1_000_000) + " MB, the limit");
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(cap, (long) length * 2));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return parse(buffer, length);
                }
                length += n;
            }
        }
    }
}
