package org.atelier.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.atelier.engine.frame.Frame;

/** Reads a dataset file (CSV or Parquet) into a Frame; the headless commands take one so the reader can be wired in. */
@FunctionalInterface
public interface FrameReader {
    Frame read(Path path) throws IOException;

    /**
     * The application's reader, {@code org.atelier.data.DatasetReader.read(Path)}, looked up at run time because it
     * lives on another branch until merged. Replace with a direct method reference once it is on main.
     */
    static FrameReader application() {
        return path -> {
            try {
                Class<?> reader = Class.forName("org.atelier.data.DatasetReader");
                return (Frame) reader.getMethod("read", Path.class).invoke(null, path);
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                throw new IllegalStateException("No dataset reader is wired in this build (org.atelier.data.DatasetReader.read(Path) is missing)");
            } catch (java.lang.reflect.InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) throw io;
                if (cause instanceof RuntimeException re) throw re;
                throw new IOException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
