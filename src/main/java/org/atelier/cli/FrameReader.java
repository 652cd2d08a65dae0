package org.atelier.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.atelier.engine.frame.Frame;

/** Reads a dataset file (CSV or Parquet) into a Frame; the headless commands take one so the reader can be wired in. */
@FunctionalInterface
public interface FrameReader {
    Frame read(Path path) throws IOException;

    /** The application's reader: CSV or Parquet by extension ({@link org.atelier.data.DatasetReader}). */
    static FrameReader application() {
        return org.atelier.data.DatasetReader::read;
    }
}
