package org.atelier.data;

import java.util.Locale;

/**
 * Size limits. Uploads are capped ({@link #DEFAULT_MAX_BYTES}, configurable in the app), since a shared server
 * must not let one upload take its memory. A local file read by a headless command has no such cap
 * ({@link #LOCAL_FILE}): it is read when it fits in the heap, and refused up front, with figures, when it cannot.
 */
public final class DatasetLimits {
    /** 500 MB, the default cap for one uploaded file. */
    public static final long DEFAULT_MAX_BYTES = 500L * 1_000_000;
    /** No upload cap: only what the readers can hold (one byte array, 2 GB) and the heap limit a local file. */
    public static final long LOCAL_FILE = Long.MAX_VALUE;
    /**
     * Reading holds the typed columns and one block of the text (the file is streamed, never held whole); the
     * columns take up to about twice the text (an 8-byte double for a field such as "0.52,", a 4-byte level code
     * for a word: 922 MB for a 494 MB portfolio), so reading needs about twice the (unpacked) file size.
     */
    static final int READ_FACTOR = 2;
    /**
     * Fitting adds the design and IRLS's per-row vectors to the columns: about four times the file size in all
     * (estimated from the sizes: for the sample portfolio's 14 columns, about 110 bytes of columns and 130 of
     * design and vectors per 53-byte row; a 477 MB, 9-million-row portfolio took 4.1 GB of memory in all).
     */
    static final int FIT_FACTOR = 4;
    /** What a gzip CSV unpacks to, per packed byte, as CsvReader's first buffer guesses. */
    static final int GZIP_RATIO = 6;

    private DatasetLimits() {
    }

    /** @throws DatasetException TOO_LARGE, e.g. "File is 612 MB, over the 500 MB limit" */
    public static void checkSize(long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw new DatasetException(DatasetException.Kind.TOO_LARGE,
                    "File is " + describe(bytes) + ", over the " + describe(maxBytes) + " limit");
        }
    }

    /**
     * An upload stopped at the limit while it streamed in, e.g. "policies.csv is larger than the 500 MB upload
     * limit; upload at most 500 MB (a .csv.gz or .parquet file is smaller)".
     */
    public static DatasetException uploadTooLarge(String fileName, long maxBytes) {
        return new DatasetException(DatasetException.Kind.TOO_LARGE, fileName + " is larger than the "
                + describe(maxBytes) + " upload limit; upload at most " + describe(maxBytes)
                + " (the same data as .csv.gz or .parquet is smaller)");
    }

    /**
     * Sizes in Atelier's one unit, decimal megabytes (1 MB = 1,000,000 bytes), rounded up so that a file just over
     * a limit never reads as "500 MB, over the 500 MB limit"; below one megabyte, bytes.
     */
    public static String describe(long bytes) {
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        return megabytes(bytes) + " MB";
    }

    /**
     * Before reading a local file: refuses it when reading alone cannot fit in {@code maxHeap} bytes.
     *
     * @return a one-line note when the read fits but the fit after it may not, else null
     * @throws DatasetException TOO_LARGE naming the file, its size, the memory it needs, the heap, and a -Xmx
     */
    public static String checkFitsInHeap(String fileName, long fileBytes, long maxHeap) {
        long unpacked = DatasetFormat.isGzip(fileName) ? fileBytes * GZIP_RATIO : fileBytes;
        long toRead = unpacked * READ_FACTOR;
        long toFit = unpacked * FIT_FACTOR;
        String sizes = fileName + " is " + megabytes(fileBytes) + " MB" + (unpacked != fileBytes
                ? " (about " + megabytes(unpacked) + " MB unpacked)" : "");
        if (toRead > maxHeap) {
            throw new DatasetException(DatasetException.Kind.TOO_LARGE, sizes + "; reading it needs about "
                    + megabytes(toRead) + " MB of memory, more than the " + megabytes(maxHeap)
                    + " MB Java heap. Start Java with a larger heap, e.g. java " + heapFlag(toFit) + " -jar atelier.jar");
        }
        if (toFit > maxHeap) {
            return sizes + "; reading and fitting it may need about " + megabytes(toFit) + " MB, more than the "
                    + megabytes(maxHeap) + " MB Java heap: if it runs out of memory, start Java with " + heapFlag(toFit);
        }
        return null;
    }

    /** The message for a read or fit of a local file that ran out of heap after all. */
    public static String outOfMemory(String fileName, long fileBytes, long maxHeap) {
        return fileName + " (" + megabytes(fileBytes) + " MB) did not fit in the " + megabytes(maxHeap)
                + " MB Java heap. Start Java with a larger heap, e.g. java "
                + heapFlag(Math.max(2 * maxHeap, fileBytes * FIT_FACTOR)) + " -jar atelier.jar";
    }

    /** -Xmx in whole gigabytes, rounded up. */
    static String heapFlag(long bytes) {
        return String.format(Locale.ROOT, "-Xmx%dg", Math.max(1, (bytes + (1L << 30) - 1) >> 30));
    }

    /** Decimal megabytes, rounded up so a file just over the limit never reads as "500 MB, over 500 MB". */
    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d", (bytes + 999_999) / 1_000_000);
    }
}
