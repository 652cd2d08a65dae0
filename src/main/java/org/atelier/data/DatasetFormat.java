package org.atelier.data;

import java.util.Locale;

/** The file formats Atelier reads, chosen by file name so an upload needs no sniffing. */
public enum DatasetFormat {
    CSV, PARQUET;

    /**
     * {@code .csv} (also {@code .csv.gz}, read through gzip) and {@code .parquet}, in any letter case.
     *
     * @throws DatasetException UNSUPPORTED_FORMAT naming the extension, e.g. "Unsupported file format: .xlsx"
     */
    public static DatasetFormat fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
            return CSV;
        }
        if (lower.endsWith(".parquet")) {
            return PARQUET;
        }
        throw new DatasetException(DatasetException.Kind.UNSUPPORTED_FORMAT,
                "Unsupported file format: " + extension(fileName));
    }

    /** True for names that need gunzipping before parsing. */
    public static boolean isGzip(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static String extension(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String base = fileName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "(none) in " + base : base.substring(dot);
    }
}
