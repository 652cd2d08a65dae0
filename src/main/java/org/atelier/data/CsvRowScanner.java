package org.atelier.data;

import java.util.Arrays;

/**
 * The one sequential pass over a CSV buffer: it finds where each data row starts, honouring quotes (a
 * newline inside a quoted field does not end the row) and skipping blank lines. Knowing the row starts lets
 * the parsing be split into row ranges parsed in parallel, and lets a column be re-read from the text later.
 * It mirrors {@link CsvFieldCursor}'s quote rules but converts nothing, so it runs at memory speed.
 */
final class CsvRowScanner {
    private CsvRowScanner() {
    }

    /** Where the non-blank rows of {@code buffer[from, limit)} start: {@code starts[0, count)}. */
    record RowStarts(int[] starts, int count) {
    }

    static RowStarts rowStarts(byte[] buffer, int from, int limit, byte delimiter, CsvFieldCursor.LineNumbers lines) {
        int[] starts = new int[Math.max(16, (limit - from) / 40)];
        int count = 0;
        int p = from;
        while (p < limit) {
            byte first = buffer[p];
            if (first == '\n') {
                p++;
                continue;
            }
            if (first == '\r' && (p + 1 == limit || buffer[p + 1] == '\n')) {
                p += 2;
                continue;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count + (count >> 1) + 16);
            }
            starts[count++] = p;
            p = endOfRow(buffer, p, limit, delimiter, lines);
        }
        return new RowStarts(starts, count);
    }

    /** The offset just past the row starting at {@code p}. */
    private static int endOfRow(byte[] b, int p, int limit, byte delimiter, CsvFieldCursor.LineNumbers lines) {
        while (true) {
            // at the start of a field
            if (p < limit && b[p] == '"') {
                int open = p++;
                while (true) {
                    if (p >= limit) {
                        throw DatasetException.parse(lines.lineAt(open), "unclosed quote");
                    }
                    if (b[p++] == '"') {
                        if (p < limit && b[p] == '"') {
                            p++;
                        } else {
                            break;
                        }
                    }
                }
            }
            while (true) {
                if (p >= limit) {
                    return p;
                }
                byte c = b[p++];
                if (c == '\n') {
                    return p;
                }
                if (c == delimiter) {
                    break;
                }
            }
        }
    }
}
