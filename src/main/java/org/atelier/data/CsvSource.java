package org.atelier.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A CSV file's text as UTF-8 bytes, which the reader opens once per pass instead of holding the file in memory:
 * gunzipped when the file is a {@code .csv.gz} (its unpacked size capped), checked for binary content and
 * decoded from UTF-16 by {@link CsvContent} at each opening. Line numbers for error messages are counted by
 * reading the text again up to the culprit, as they are only needed when a file is refused.
 */
final class CsvSource {
    private final Opener raw;

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private CsvSource(Opener raw) {
        this.raw = raw;
    }

    static CsvSource of(byte[] data, int length) {
        return new CsvSource(() -> new ByteArrayInputStream(data, 0, length));
    }

    static CsvSource of(Path file) {
        return new CsvSource(() -> Files.newInputStream(file));
    }

    /** A gzip file, refused with its name and the limit once it unpacks to more than {@code maxBytes}. */
    static CsvSource gzip(Path file, long maxBytes) {
        return new CsvSource(() -> new Capped(new GZIPInputStream(Files.newInputStream(file), 1 << 16), maxBytes,
                file.getFileName().toString()));
    }

    /** The text as UTF-8, after {@link CsvContent#sniff} refused what is not text. */
    InputStream open() throws IOException {
        InputStream in = raw.open();
        try {
            byte[] head = in.readNBytes(CsvContent.SNIFF);
            Charset utf16 = CsvContent.sniff(head, head.length);
            InputStream text = new SequenceInputStream(new ByteArrayInputStream(head), in);
            return utf16 == null ? text : new Utf8Of(new InputStreamReader(text, utf16));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The 1-based physical line of byte {@code offset} of the text. */
    long lineAt(long offset) {
        long line = 1;
        try (InputStream in = open()) {
            byte[] buffer = new byte[1 << 16];
            long read = 0;
            while (read < offset) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, offset - read));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    line += buffer[i] == '\n' ? 1 : 0;
                }
                read += n;
            }
        } catch (IOException e) {
            throw new DatasetException(DatasetException.Kind.UNREADABLE, "The file could not be read again to"
                    + " find the line of an error: " + e.getMessage(), e);
        }
        return line;
    }

    /** Stops an unpacking stream past a size, so a small gzip bomb cannot fill the disk or the memory. */
    private static final class Capped extends InputStream {
        private final InputStream in;
        private final long cap;
        private final String fileName;
        private long count;

        Capped(InputStream in, long cap, String fileName) {
            this.in = in;
            this.cap = cap;
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > cap) {
                    throw new DatasetException(DatasetException.Kind.TOO_LARGE, "File " + fileName
                            + " unpacks to over " + ((cap + 999_999L) / 1_000_000) + " MB, the limit");
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * UTF-16 text re-encoded as UTF-8 (lossless) as it is read, byte order marks dropped; a high surrogate at the
     * end of one read waits for its pair.
     */
    private static final class Utf8Of extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[1 << 14];
        private int carried;
        private byte[] pending = new byte[0];
        private int next;

        Utf8Of(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (next == pending.length) {
                int n = reader.read(chars, carried, chars.length - carried);
                if (n < 0) {
                    if (carried == 0) {
                        return -1;
                    }
                    n = 0;
                }
                int end = carried + n;
                int keep = n > 0 && Character.isHighSurrogate(chars[end - 1]) ? 1 : 0;
                pending = new String(chars, 0, end - keep).replace("\uFEFF", "").getBytes(StandardCharsets.UTF_8);
                next = 0;
                chars[0] = chars[end - 1];
                carried = keep;
            }
            int count = Math.min(len, pending.length - next);
            System.arraycopy(pending, next, b, off, count);
            next += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
