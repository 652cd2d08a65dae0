package org.atelier.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a text stream a block at a time into one reused buffer, so a pass over a 500 MB file holds a block of it,
 * not the file. The reader consumes the complete rows of a block; the unconsumed rest (a row cut by the block's
 * end) moves to the front and the next block follows it. The buffer grows only when a single row is longer.
 */
final class CsvBlocks implements AutoCloseable {
    private final InputStream in;
    private byte[] buffer;
    private int start;
    private int limit;
    /** Offset in the text of buffer[0]. */
    private long base;
    private boolean atEnd;

    CsvBlocks(InputStream in, int blockBytes) {
        this.in = in;
        this.buffer = new byte[blockBytes];
    }

    /**
     * Reads the next block after what was consumed (growing the buffer if nothing was); false once the text is
     * consumed to its end. After it, the buffer is full or holds the text's end.
     */
    boolean fill() throws IOException {
        if (atEnd) {
            return start < limit;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            base += start;
            limit -= start;
            start = 0;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16, 2L * buffer.length));
        }
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                atEnd = true;
                break;
            }
            limit += n;
        }
        return start < limit || !atEnd;
    }

    byte[] buffer() {
        return buffer;
    }

    /** Where the unconsumed bytes start. */
    int start() {
        return start;
    }

    /** Where the bytes read end. */
    int limit() {
        return limit;
    }

    /** True when the bytes up to {@link #limit()} are the text's last. */
    boolean atEnd() {
        return atEnd;
    }

    /** True before anything of the text was consumed (where a byte order mark may be). */
    boolean atTextStart() {
        return base == 0 && start == 0;
    }

    void consume(int upTo) {
        start = upTo;
    }

    /** Line numbers of this block's offsets (valid until the next {@link #fill()}). */
    CsvFieldCursor.LineNumbers lines(CsvSource source) {
        long offset = base;
        return position -> source.lineAt(offset + position);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
