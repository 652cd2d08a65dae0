package org.atelier.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What is in a file named .csv before it is parsed as one: UTF-16 text is decoded to UTF-8 (lossless); gzip,
 * zip (an Excel workbook), Parquet and other binary content, NUL bytes and bytes that are not UTF-8 are refused
 * with what the file is and what to do, naming the line. Bytes that are not UTF-8 are refused rather than guessed
 * as Latin-1: a wrong guess would change every accented level silently, while re-saving as UTF-8 takes a moment.
 * The caller adds the user's file name (an upload is stored under another name). The first bytes are looked at
 * ({@link #sniff}) each time the file is opened, the text checked ({@link #checkText}) block by block.
 */
final class CsvContent {
    /** Leading bytes looked at to recognise binary content. */
    static final int SNIFF = 8_192;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private CsvContent() {
    }

    /**
     * Looks at the text's first bytes ({@code head[0, length)}, at most {@link #SNIFF}): refuses gzip, zip, Parquet
     * and other binary content, and says whether the text is UTF-16 (its charset) or else UTF-8 (null).
     */
    static Charset sniff(byte[] data, int length) {
        if (length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B) {
            throw refused("The file is compressed (gzip), not plain CSV: name it .csv.gz, or unzip it and upload the .csv");
        }
        if (length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4) {
            throw refused("The file is a zip archive (an Excel .xlsx workbook is one), not CSV: in Excel use Save As >"
                    + " CSV UTF-8, or unzip it and upload the .csv inside");
        }
        if (length >= 4 && data[0] == 'P' && data[1] == 'A' && data[2] == 'R' && data[3] == '1') {
            throw refused("The file is a Parquet file, not CSV: name it .parquet");
        }
        String utf16 = utf16(data, length);
        if (utf16 != null) {
            return utf16.equals("LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        }
        if (binary(data, length)) {
            throw refused("The file is binary, not a text CSV file (it has control bytes that text does not have):"
                    + " export the data as CSV (UTF-8) and upload that");
        }
        return null;
    }

    /** "LE" or "BE" for UTF-16 text (a byte order mark, or a NUL in every other byte of the start), else null. */
    private static String utf16(byte[] data, int length) {
        if (length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            return "LE";
        }
        if (length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            return "BE";
        }
        int n = Math.min(length, SNIFF) & ~1;
        if (n < 4) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int p = 0; p < n; p += 2) {
            evenNul += data[p] == 0 ? 1 : 0;
            oddNul += data[p + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddNul > pairs * 0.9 && evenNul < pairs * 0.1) {
            return "LE"; // ASCII text in UTF-16LE: 'a' 00 'b' 00
        }
        if (evenNul > pairs * 0.9 && oddNul < pairs * 0.1) {
            return "BE";
        }
        return null;
    }

    /** Several NULs, or more than a tenth control bytes, in the first bytes: not text. */
    private static boolean binary(byte[] data, int length) {
        int n = Math.min(length, SNIFF);
        int nul = 0;
        int control = 0;
        for (int p = 0; p < n; p++) {
            int b = data[p] & 0xFF;
            if (b == 0) {
                nul++;
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return nul > 1 || control > n / 10;
    }

    /**
     * Refuses a NUL byte or bytes that are not UTF-8 in {@code data[from, length)}, naming the line; eight ASCII
     * bytes at a time otherwise. The range ends at a row's end, so no character is cut.
     */
    static void checkText(byte[] data, int from, int length, CsvFieldCursor.LineNumbers lines) {
        int p = from;
        while (p + 8 <= length) {
            long word = (long) LONGS.get(data, p);
            boolean zero = ((word - LOW_BITS) & ~word & HIGH_BITS) != 0;
            if ((word & HIGH_BITS) == 0 && !zero) {
                p += 8;
                continue;
            }
            int end = p + 8;
            while (p < end) {
                p = checkByte(data, from, length, p, lines);
            }
        }
        while (p < length) {
            p = checkByte(data, from, length, p, lines);
        }
    }

    /** Checks the character starting at p and returns where the next one starts. */
    private static int checkByte(byte[] data, int from, int length, int p, CsvFieldCursor.LineNumbers lines) {
        int b = data[p] & 0xFF;
        if (b == 0) {
            throw DatasetException.parse(lines.lineAt(p), "a NUL byte (0x00) in the field: the file is damaged or not"
                    + " text; remove the NUL characters or export the data again as CSV (UTF-8)");
        }
        if (b < 0x80) {
            return p + 1;
        }
        int continuation = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
        boolean valid = continuation > 0;
        for (int k = 1; valid && k <= continuation; k++) {
            valid = p + k < length && (data[p + k] & 0xC0) == 0x80;
        }
        if (!valid) {
            throw DatasetException.parse(lines.lineAt(p), String.format(Locale.ROOT, "byte 0x%02X in \"%s\" is not UTF-8:"
                    + " the file looks like Latin-1 or Windows-1252 (an older Excel or system export). Save it as UTF-8"
                    + " (Excel: Save As > CSV UTF-8) and upload it again", b, context(data, from, length, p)));
        }
        return p + continuation + 1;
    }

    /** The line's text around position p, the bad byte shown as '?'. */
    private static String context(byte[] data, int from, int length, int p) {
        int to = Math.min(length, p + 20);
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(from, p - 20); i < to; i++) {
            int b = data[i] & 0xFF;
            if (b == '\n' || b == '\r') {
                if (i < p) {
                    out.setLength(0);
                    continue;
                }
                break;
            }
            out.append(b < 0x80 && b >= 0x20 ? (char) b : '?');
        }
        return out.toString();
    }

    private static DatasetException refused(String message) {
        return new DatasetException(DatasetException.Kind.UNSUPPORTED_FORMAT, message);
    }
}
