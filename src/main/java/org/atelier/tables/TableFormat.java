package org.atelier.tables;

import java.util.Locale;

/** The rating-table exports, each with its file extension and media type. */
public enum TableFormat {
    /** A ZIP with overview.csv and one CSV per factor. */
    CSV("CSV (zip)", "-tables.zip", "application/zip"),
    /** A workbook: an overview sheet and one sheet per factor. */
    XLSX("XLSX", "-tables.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** One CSV: the base rate, then every factor's levels and bands stacked. */
    RATING_ENGINE_CSV("Rating-engine CSV", "-rating-engine.csv", "text/csv");

    private final String label;
    private final String suffix;
    private final String mediaType;

    TableFormat(String label, String suffix, String mediaType) {
        this.label = label;
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** "atelier-v3-tables.xlsx" for a model label "v3 · Frequency". */
    public String fileName(String stem) {
        String safe = stem.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        return (safe.isEmpty() ? "atelier" : safe.toLowerCase(Locale.ROOT)) + suffix;
    }

    /** The format a file name asks for: .xlsx, .zip, else the stacked CSV for .csv. */
    public static TableFormat forFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".zip")) {
            return CSV;
        }
        if (lower.endsWith(".csv")) {
            return RATING_ENGINE_CSV;
        }
        throw new IllegalArgumentException("Cannot tell the format of '" + name
                + "': name it .xlsx (workbook), .zip (one CSV per factor) or .csv (the stacked rating-engine CSV)");
    }
}
