package org.atelier.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes written with decimal units, the one unit Atelier uses everywhere: 1 kB = 1,000 bytes,
 * 1 MB = 10^6 bytes, 1 GB = 10^9 bytes, as file managers and download sizes count. Spring's own DataSize reads "MB"
 * as 2^20 bytes, which made "500MB" a limit of 524,288,000 bytes that messages then called "524 MB" or "525 MB".
 * Binary units (MiB, GiB) are refused rather than silently read as something else. Bound from configuration
 * through {@link #valueOf(String)}, e.g. {@code --atelier.max-upload-size=2GB}.
 */
public record DecimalSize(long bytes) {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");

    public DecimalSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("A size cannot be negative: " + bytes);
        }
    }

    public static DecimalSize ofBytes(long bytes) {
        return new DecimalSize(bytes);
    }

    public static DecimalSize ofMegabytes(long megabytes) {
        return new DecimalSize(Math.multiplyExact(megabytes, 1_000_000L));
    }

    /** "500MB", "2 GB", "750kB", "1500000" (bytes). */
    public static DecimalSize valueOf(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a size: \"" + text + "\" (write e.g. 500MB or 2GB)");
        }
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 1L;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            default -> throw new IllegalArgumentException("Unknown size unit in \"" + text
                    + "\": use B, kB, MB, GB or TB (decimal: 1 MB = 1,000,000 bytes)");
        };
        return new DecimalSize(Math.round(Double.parseDouble(m.group(1)) * unit));
    }

    @Override
    public String toString() {
        return org.atelier.data.DatasetLimits.describe(bytes);
    }
}
