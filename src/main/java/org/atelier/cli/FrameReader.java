package org.atelier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.data.DatasetLimits;
import org.atelier.data.DatasetReader;
import org.atelier.engine.frame.Frame;

/** Reads a dataset file (CSV or Parquet) into a Frame; the headless commands take one so the reader can be wired in. */
@FunctionalInterface
public interface FrameReader {
    Frame read(Path path) throws IOException;

    /** The application's reader for local files, notes on stderr. */
    static FrameReader application() {
        return localFiles(Runtime.getRuntime().maxMemory(), System.err);
    }

    /**
     * CSV or Parquet by extension ({@link DatasetReader}), without the upload limit: a local file is read when
     * it fits in {@code maxHeap} bytes; one that cannot is refused before reading, naming its size, the memory
     * it needs and the heap ({@link DatasetLimits#checkFitsInHeap}); a tight fit gets a note on {@code notes}.
     */
    static FrameReader localFiles(long maxHeap, PrintStream notes) {
        return path -> {
            if (Files.isRegularFile(path)) {
                String note = DatasetLimits.checkFitsInHeap(path.getFileName().toString(), Files.size(path), maxHeap);
                if (note != null) {
                    notes.println("Note: " + note);
                }
            }
            return DatasetReader.read(path, DatasetLimits.LOCAL_FILE);
        };
    }
}
