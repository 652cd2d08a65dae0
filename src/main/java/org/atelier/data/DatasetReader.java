package org.atelier.data;

import org.atelier.engine.frame.Frame;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The entry point: reads a data file into a {@link Frame}, choosing the reader by the file's extension. */
public final class DatasetReader {
    private DatasetReader() {
    }

    /** Reads a {@code .csv}, {@code .csv.gz} or {@code .parquet} file under the default 500 MB limit. */
    public static Frame read(Path file) {
        return read(file, DatasetLimits.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a {@code .csv}, {@code .csv.gz} or {@code .parquet} file no larger than {@code maxBytes}.
     *
     * @throws DatasetException for an unsupported format, an unreadable, empty, malformed or too large file
     */
    public static Frame read(Path file, long maxBytes) {
        return switch (DatasetFormat.fromFileName(file.getFileName().toString())) {
            case CSV -> CsvReader.read(file, maxBytes);
            case PARQUET -> ParquetReader.read(file, maxBytes);
        };
    }

    /** @throws DatasetException DUPLICATE_COLUMNS listing each repeated name once, in file order */
    static void checkUniqueNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                duplicated.add(name);
            }
        }
        if (!duplicated.isEmpty()) {
            throw new DatasetException(DatasetException.Kind.DUPLICATE_COLUMNS,
                    "Duplicate column names: " + String.join(", ", duplicated));
        }
    }

    /** A one-line UNREADABLE error naming the file and the system's reason, without a stack trace. */
    static DatasetException unreadable(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new DatasetException(DatasetException.Kind.UNREADABLE,
                "Cannot read " + file.getFileName() + ": " + reason, e);
    }
}
