package org.atelier.data;

/**
 * Walks the fields of an RFC 4180 buffer in place: after {@link #next()} the field is
 * {@code buffer[start, end)} (inside the quotes when quoted) and nothing was copied. A field is unescaped
 * (doubled quotes collapsed) only on request, and only the rare fields that need it.
 * Lenient where tools commonly differ: a quote inside an unquoted field is an ordinary character, and a
 * row may end with LF or CRLF.
 */
final class CsvFieldCursor {
    /** How the last field ended. */
    static final int DELIMITER = 0;
    static final int END_OF_ROW = 1;

    private final byte[] buffer;
    private final int limit;
    private final byte delimiter;
    private final LineNumbers lines;

    int position;
    int start;
    int end;
    boolean quoted;
    /** True if the quoted field contains doubled quotes, so its bytes must be unescaped to get its text. */
    boolean escaped;

    CsvFieldCursor(byte[] buffer, int limit, byte delimiter, LineNumbers lines) {
        this.buffer = buffer;
        this.limit = limit;
        this.delimiter = delimiter;
        this.lines = lines;
    }

    /** Reads the field at {@link #position} and moves past its delimiter or row end; returns which it was. */
    int next() {
        byte[] b = buffer;
        int p = position;
        if (p < limit && b[p] == '"') {
            quoted = true;
            escaped = false;
            int open = p;
            start = ++p;
            while (true) {
                if (p >= limit) {
                    throw DatasetException.parse(lines.lineAt(open), "unclosed quote");
                }
                if (b[p++] == '"') {
                    if (p < limit && b[p] == '"') {
                        escaped = true;
                        p++;
                    } else {
                        break;
                    }
                }
            }
            end = p - 1;
            if (p >= limit) {
                position = p;
                return END_OF_ROW;
            }
            byte after = b[p];
            if (after == delimiter) {
                position = p + 1;
                return DELIMITER;
            }
            if (after == '\n') {
                position = p + 1;
                return END_OF_ROW;
            }
            if (after == '\r' && (p + 1 >= limit || b[p + 1] == '\n')) {
                position = p + 2;
                return END_OF_ROW;
            }
            throw DatasetException.parse(lines.lineAt(p), "unexpected character after a closing quote");
        }
        quoted = false;
        escaped = false;
        start = p;
        byte d = delimiter;
        while (p < limit) {
            byte c = b[p];
            if (c == d) {
                end = p;
                position = p + 1;
                return DELIMITER;
            }
            if (c == '\n') {
                end = p > start && b[p - 1] == '\r' ? p - 1 : p;
                position = p + 1;
                return END_OF_ROW;
            }
            p++;
        }
        end = p > start && b[p - 1] == '\r' ? p - 1 : p;
        position = p;
        return END_OF_ROW;
    }

    /** True for an empty field, and for the unquoted tokens NA, NaN, null and NULL (see {@link CsvReader}). */
    boolean isMissing() {
        int length = end - start;
        if (length == 0) {
            return true;
        }
        if (quoted || length > 4 || length < 2) {
            return false;
        }
        byte[] b = buffer;
        int s = start;
        return switch (length) {
            case 2 -> b[s] == 'N' && b[s + 1] == 'A';
            case 3 -> b[s] == 'N' && b[s + 1] == 'a' && b[s + 2] == 'N';
            default -> (b[s] == 'n' && b[s + 1] == 'u' && b[s + 2] == 'l' && b[s + 3] == 'l')
                    || (b[s] == 'N' && b[s + 1] == 'U' && b[s + 2] == 'L' && b[s + 3] == 'L');
        };
    }

    /** Copies the current escaped field into {@code scratch} with doubled quotes collapsed; returns its length. */
    int unescapeInto(byte[] scratch) {
        int n = 0;
        byte[] b = buffer;
        for (int p = start; p < end; p++) {
            scratch[n++] = b[p];
            if (b[p] == '"') {
                p++; // skip the second quote of the pair
            }
        }
        return n;
    }

    /** Physical line numbers (1-based, counting newlines inside quotes), computed only when an error needs one. */
    @FunctionalInterface
    interface LineNumbers {
        long lineAt(int position);
    }
}
