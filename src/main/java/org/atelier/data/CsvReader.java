package org.atelier.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.frame.Frame;

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
 * <p>Memory and speed: the file is never held whole. A first pass checks the text and counts the rows, so the
 * columns are allocated once at their final size; a second pass reads the file a block ({@link #BLOCK_BYTES}) at
 * a time, finds the block's row starts, and parses row ranges of it in parallel straight from the bytes into the
 * primitive arrays (no String per field). Reading a file thus takes its columns plus a block, not the file's
 * bytes and its columns at once. In the rare file where a column turns text after a block of numbers, the
 * second pass runs again with that column text from its first row ({@link CsvColumns#switchedLate()}).
 */
public final class CsvReader {
    /** Below this many rows one thread is faster than coordinating several. */
    private static final int ROWS_PER_THREAD = 100_000;
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 16;
    /** Bytes read at a time: large enough to share among threads (some 600k rows of a portfolio), small next to a file. */
    static final int BLOCK_BYTES = 32 << 20;

    private CsvReader() {
    }

    public static Frame read(Path file) {
        return read(file, DatasetLimits.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads {@code file} (gunzipping {@code .gz}) after checking its size against {@code maxBytes}; a gzip file's
     * unpacked text is held to the same limit, which keeps a small gzip bomb from running for ever.
     */
    public static Frame read(Path file, long maxBytes) {
        long cap = Math.min(maxBytes, MAX_BUFFER);
        try {
            DatasetLimits.checkSize(Files.size(file), cap);
            CsvSource source = DatasetFormat.isGzip(file.getFileName().toString()) ? CsvSource.gzip(file, cap)
                    : CsvSource.of(file);
            return read(source, Runtime.getRuntime().availableProcessors(), BLOCK_BYTES);
        } catch (IOException e) {
            throw DatasetReader.unreadable(file, e);
        }
    }

    /** Parses {@code data[0, length)} with as many threads as there are cores (and rows to share). */
    public static Frame parse(byte[] data, int length) {
        return parse(data, length, Runtime.getRuntime().availableProcessors());
    }

    static Frame parse(byte[] data, int length, int maxThreads) {
        return parse(data, length, maxThreads, BLOCK_BYTES);
    }

    static Frame parse(byte[] data, int length, int maxThreads, int blockBytes) {
        try {
            return read(CsvSource.of(data, length), maxThreads, blockBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory do not fail to read
        }
    }

    private static Frame read(CsvSource source, int maxThreads, int blockBytes) throws IOException {
        Layout layout = layout(source, blockBytes);
        CsvColumns columns = new CsvColumns(layout.rows(), layout.names().size());
        fill(source, layout, columns, maxThreads, blockBytes);
        if (columns.switchedLate()) {
            columns = columns.again();
            fill(source, layout, columns, maxThreads, blockBytes);
        }
        return new Frame(columns.finish(layout.names()));
    }

    /** What the first pass finds: the delimiter, the header's names and the number of data rows. */
    private record Layout(byte delimiter, List<String> names, int rows) {
    }

    /** The first pass: checks the text (refusing binary, NUL, not UTF-8), reads the header and counts the rows. */
    private static Layout layout(CsvSource source, int blockBytes) throws IOException {
        int delimiter = -1;
        List<String> names = null;
        DatasetException headerError = null;
        long rows = 0;
        int[] reuse = new int[0];
        try (CsvBlocks blocks = new CsvBlocks(source.open(), blockBytes)) {
            while (blocks.fill()) {
                byte[] b = blocks.buffer();
                int from = skipByteOrderMark(blocks);
                int limit = blocks.limit();
                CsvFieldCursor.LineNumbers lines = blocks.lines(source);
                if (delimiter < 0 && (delimiter = sniffDelimiter(b, from, limit, blocks.atEnd())) < 0) {
                    continue; // the header line is longer than the block: read on
                }
                if (blocks.atEnd()) {
                    CsvContent.checkText(b, from, limit, lines); // before an unclosed quote is reported
                }
                CsvRowScanner.RowStarts starts = CsvRowScanner.rowStarts(b, from, limit, (byte) delimiter, lines,
                        blocks.atEnd(), reuse);
                reuse = starts.starts();
                if (!blocks.atEnd()) {
                    CsvContent.checkText(b, from, starts.end(), lines);
                }
                if (names == null && starts.count() > 0) {
                    try {
                        names = header(b, starts.end(), (byte) delimiter, starts.starts()[0], lines);
                    } catch (DatasetException e) {
                        headerError = e; // said once the whole text is known to be text
                        names = List.of();
                    }
                }
                rows += starts.count();
                blocks.consume(starts.end());
            }
        }
        if (rows == 0) {
            throw DatasetException.empty();
        }
        if (headerError != null) {
            throw headerError;
        }
        DatasetReader.checkUniqueNames(names);
        if (rows == 1) {
            throw DatasetException.empty();
        }
        return new Layout((byte) delimiter, names, Math.toIntExact(rows - 1));
    }

    /** The second pass: parses each block's rows into the columns. */
    private static void fill(CsvSource source, Layout layout, CsvColumns columns, int maxThreads, int blockBytes)
            throws IOException {
        int rowBase = 0;
        boolean header = true;
        int[] reuse = new int[0];
        try (CsvBlocks blocks = new CsvBlocks(source.open(), blockBytes)) {
            while (blocks.fill()) {
                byte[] b = blocks.buffer();
                int from = skipByteOrderMark(blocks);
                CsvFieldCursor.LineNumbers lines = blocks.lines(source);
                CsvRowScanner.RowStarts starts = CsvRowScanner.rowStarts(b, from, blocks.limit(), layout.delimiter(),
                        lines, blocks.atEnd(), reuse);
                reuse = starts.starts();
                int firstRow = header && starts.count() > 0 ? 1 : 0;
                int rows = starts.count() - firstRow;
                if (rows > layout.rows() - rowBase) {
                    throw changed();
                }
                if (rows > 0) {
                    CsvTable table = new CsvTable(b, starts.end(), layout.delimiter(), starts.starts(), firstRow, rows,
                            rowBase, columns, lines);
                    int threads = Math.max(1, Math.min(maxThreads, rows / ROWS_PER_THREAD));
                    List<CsvChunk> chunks = new ArrayList<>(threads);
                    for (int t = 0; t < threads; t++) {
                        chunks.add(new CsvChunk(table, (int) ((long) rows * t / threads),
                                (int) ((long) rows * (t + 1) / threads)));
                    }
                    Parallel.run(chunks, CsvChunk::parse);
                    columns.merge(table, chunks);
                    rowBase += rows;
                }
                header &= starts.count() == 0;
                blocks.consume(starts.end());
            }
        }
        if (rowBase != layout.rows()) {
            throw changed();
        }
    }

    private static DatasetException changed() {
        return new DatasetException(DatasetException.Kind.UNREADABLE, "The file changed while it was being read");
    }

    /** Where the block's text starts: past a UTF-8 byte order mark at the very start of the text. */
    private static int skipByteOrderMark(CsvBlocks blocks) {
        byte[] b = blocks.buffer();
        if (blocks.atTextStart() && blocks.limit() >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB
                && b[2] == (byte) 0xBF) {
            blocks.consume(3);
        }
        return blocks.start();
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
        return names;
    }

    /**
     * Comma, unless the header line has none but has semicolons (European exports) or tabs; -1 when the block
     * ends before the header line does and before a comma.
     */
    private static int sniffDelimiter(byte[] data, int from, int length, boolean atEnd) {
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean ended = atEnd;
        for (int p = from; p < length; p++) {
            byte b = data[p];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == ',') {
                    return ',';
                }
                if (b == '\n') {
                    ended = true;
                    break;
                }
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
        }
        if (!ended) {
            return -1;
        }
        return semicolons > 0 ? ';' : tabs > 0 ? '\t' : ',';
    }
}
