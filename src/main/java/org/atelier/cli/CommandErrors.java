package org.atelier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.atelier.data.DatasetException;
import org.atelier.data.DatasetLimits;
import org.atelier.engine.error.GlmException;
import org.atelier.model.ModelFileException;

/**
 * How a headless command ({@code fit}, {@code predict}, {@code explore}, {@code tables}) fails: one line
 * {@code Type: message} naming the culprit on stderr, never a stack trace. A usage error exits with 2, its line ending
 * in the command's usage; anything else exits with 1. {@code fit} adds the engine's suggestion on a line of its own
 * ({@link #suggestion}).
 */
final class CommandErrors {
    static final int FAILED = 1;
    static final int USAGE = 2;

    private CommandErrors() {
    }

    /** Bad command-line input: the message names the option and what was wrong with it. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    /**
     * Writes the failure to {@code err} and returns the exit code. {@code data} is the data file the command was
     * given (or null): running out of memory names it, its size and the heap.
     */
    static int report(Throwable e, String usage, String data, PrintStream err) {
        if (e instanceof UsageError) {
            err.println("UsageError: " + oneLine(e.getMessage()) + ". " + usage);
            return USAGE;
        }
        err.println(message(e, data));
        return FAILED;
    }

    /** The engine's advice for its error, if it has some: "Suggestion: ..." under the error's line. */
    static void suggestion(Throwable e, PrintStream err) {
        if (e instanceof GlmException g) {
            g.suggestion().ifPresent(s -> err.println("Suggestion: " + oneLine(s)));
        }
    }

    /** The one line for a failure that is not a usage error. */
    static String message(Throwable e, String data) {
        return switch (e) {
            case GlmException g -> oneLine(g.oneLine());
            case ModelFileException m -> "ModelFileError: " + oneLine(m.getMessage());
            case DatasetException d -> "DatasetError: " + oneLine(d.getMessage());
            case NoSuchFileException n -> "FileNotFoundError: " + n.getFile();
            case IOException io -> "IOError: " + oneLine(io.getMessage());
            // what the data or the model refuses of the options, e.g. an ID column that is not in the data
            case IllegalArgumentException i -> "UsageError: " + oneLine(i.getMessage());
            case OutOfMemoryError o -> "MemoryError: " + (data == null ? "out of memory" : outOfMemory(Path.of(data)));
            default -> e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()));
        };
    }

    /** Names the file, its size and the heap, and suggests a heap that should do. */
    private static String outOfMemory(Path data) {
        long size;
        try {
            size = Files.size(data);
        } catch (IOException | RuntimeException e) {
            size = 0;
        }
        return DatasetLimits.outOfMemory(data.getFileName().toString(), size, Runtime.getRuntime().maxMemory());
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
