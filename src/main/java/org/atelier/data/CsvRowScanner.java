package org.atelier.data;

import java.util.Arrays;

/**
 * The sequential pass over a block of CSV text: it finds where each data row starts, honouring quotes (a
 * newline inside a quoted field does not end the row) and skipping blank lines. Knowing the row starts lets
 * the parsing be split into row ranges parsed in parallel, and lets a column be re-read from the block later.
 * It mirrors {@link CsvFieldCursor}'s quote rules but converts nothing, so it runs at memory speed. Before the
 * text's end a row that the block cuts off is left for the next block.
 */
final class CsvRowScanner {
    private static final int CUT = -1;

    private CsvRowScanner() {
    }

    /**
     * Where the non-blank complete rows of {@code buffer[from, limit)} start: {@code starts[0, count)}; {@code end}
     * is where the next block goes on (past the last complete row and the blank lines after it).
     */
    record RowStarts(int[] starts, int count, int end) {
    }

    /** Written into {@code reuse} (the previous block's starts) when it is large enough, so blocks share one array. */
    static RowStarts rowStarts(byte[] buffer, int from, int limit, byte delimiter, CsvFieldCursor.LineNumbers lines,
                               boolean atEnd, int[] reuse) {
        int[] starts = reuse.length >= 16 ? reuse : new int[Math.max(16, (limit - from) / 40)];
        int count = 0;
        int p = from;
        while (p < limit) {
            byte first = buffer[p];
            if (first == '\n') {
                p++;
                continue;
            }
            if (first == '\r' && p + 1 == limit && !atEnd) {
                break; // a CR at the block's end: the next block tells whether it ends a blank line
            }
            if (first == '\r' && (p + 1 == limit || buffer[p + 1] == '\n')) {
                p += 2;
                continue;
            }
            int end = endOfRow(buffer, p, limit, delimiter, lines, atEnd);
            if (end == CUT) {
                break;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count + (count >> 1) + 16);
            }
            starts[count++] = p;
            p = end;
        }
        return new RowStarts(starts, count, Math.min(p, limit));
    }

    /** The offset just past the row starting at {@code p}, or CUT when the block ends before it does. */
    private static int endOfRow(byte[] b, int p, int limit, byte delimiter, CsvFieldCursor.LineNumbers lines,
                                boolean atEnd) {
        while (true) {
            // at the start of a field
            if (p < limit && b[p] == '"') {
                int open = p++;
                while (true) {
                    if (p >= limit) {
                        if (!atEnd) {
                            return CUT;
                        }
                        throw DatasetException.parse(lines.lineAt(open), "unclosed quote");
                    }
                    if (b[p++] == '"') {
                        if (p < limit && b[p] == '"') {
                            p++;
                        } else if (p == limit && !atEnd) {
                            return CUT; // the next byte may be the second quote of a pair
                        } else {
                            break;
                        }
                    }
                }
            }
            while (true) {
                if (p >= limit) {
                    return atEnd ? p : CUT;
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
