package org.atelier.data;

/** Upload size limits: checked before reading, since a CSV is held in memory while it is parsed. */
public final class DatasetLimits {
    /** 500 MB, the default cap for one file. */
    public static final long DEFAULT_MAX_BYTES = 500L * 1_000_000;

    private DatasetLimits() {
    }

    /** @throws DatasetException TOO_LARGE, e.g. "File is 612 MB, over the 500 MB limit" */
    public static void checkSize(long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw new DatasetException(DatasetException.Kind.TOO_LARGE,
                    "File is " + megabytes(bytes) + " MB, over the " + megabytes(maxBytes) + " MB limit");
        }
    }

    /** Decimal megabytes, rounded up so a file just over the limit never reads as "500 MB, over 500 MB". */
    private static long megabytes(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }
}
