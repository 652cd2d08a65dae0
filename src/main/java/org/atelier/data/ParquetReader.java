package org.atelier.data;

import org.atelier.engine.frame.Frame;

import java.nio.file.Path;

/** Placeholder until the Parquet reader lands. */
final class ParquetReader {
    private ParquetReader() {
    }

    static Frame read(Path file, long maxBytes) {
        throw new DatasetException(DatasetException.Kind.UNSUPPORTED_FORMAT, "Parquet is not supported yet");
    }
}
