package org.atelier.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small buffered CSV writer for generated data: formats integers and fixed-point numbers straight into
 * bytes (no String per value) and compactly: no ".0" on whole numbers, no trailing zeros.
 */
final class CsvBytes {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int length;

    CsvBytes(OutputStream out) {
        this.out = out;
    }

    CsvBytes raw(byte[] bytes) throws IOException {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    /** Plain text, written as is (the caller knows it needs no quoting). */
    CsvBytes text(String s) throws IOException {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    CsvBytes comma() throws IOException {
        return put((byte) ',');
    }

    CsvBytes newline() throws IOException {
        return put((byte) '\n');
    }

    CsvBytes integer(long value) throws IOException {
        ensure(21);
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            buffer[length++] = digits[--n];
        }
        return this;
    }

    /** A non-negative integer left-padded with zeros to at least {@code width} digits. */
    CsvBytes zeroPadded(long value, int width) throws IOException {
        for (long limit = 10, digit = 1; digit < width; digit++, limit *= 10) {
            if (value < limit) {
                put((byte) '0');
            }
        }
        return integer(value);
    }

    /** {@code value} rounded to {@code decimals} (at most 6) places, trailing zeros and a bare point dropped. */
    CsvBytes fixed(double value, int decimals) throws IOException {
        long scaled = Math.round(Math.abs(value) * POW10[decimals]);
        if (value < 0 && scaled != 0) {
            put((byte) '-');
        }
        integer(scaled / POW10[decimals]);
        long fraction = scaled % POW10[decimals];
        if (fraction != 0) {
            int places = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                places--;
            }
            ensure(places + 1);
            buffer[length++] = '.';
            for (int i = places - 1; i >= 0; i--) {
                buffer[length + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            length += places;
        }
        return this;
    }

    void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
        out.flush();
    }

    private CsvBytes put(byte b) throws IOException {
        ensure(1);
        buffer[length++] = b;
        return this;
    }

    private void ensure(int bytes) throws IOException {
        if (length + bytes > buffer.length) {
            out.write(buffer, 0, length);
            length = 0;
        }
    }
}
