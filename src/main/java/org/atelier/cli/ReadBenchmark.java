package org.atelier.cli;

import org.atelier.data.DatasetException;
import org.atelier.data.DatasetLimits;
import org.atelier.data.DatasetProfile;
import org.atelier.data.Profiler;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.frame.Frame;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times reading a data set the way the app does (file to typed columns, then the profile). By default it
 * generates the 678,013-row sample portfolio, with the unique-text PolicyRef column as a 14th column, into a
 * temporary file; {@code --file PATH} times any CSV or Parquet file instead. The first reads warm up the JIT
 * and are not counted; before each timed read the previous frame is dropped and a GC requested, so each read
 * starts from the same heap, as a user's upload would. Times are wall clock (what a user waits); the
 * process CPU time and the system load average are printed beside them, because other work on the machine
 * shows up in wall time only.
 */
public final class ReadBenchmark {
    static final String USAGE = """
            Usage: benchmark-read [--rows N] [--file PATH] [--repeat N]

              --rows N     rows of the generated sample portfolio (default 678,013)
              --file PATH  time this CSV/Parquet file instead of a generated one
              --repeat N   timed reads after the warm-up (default 5)
            """;
    private static final int WARM_UPS = 3;

    private ReadBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        int rows = SamplePortfolio.DEFAULT_ROWS;
        Path file = null;
        int repeat = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rows" -> rows = Integer.parseInt(value(args, ++i).replace("_", "").replace(",", ""));
                    case "--file" -> file = Path.of(value(args, ++i));
                    case "--repeat" -> repeat = Integer.parseInt(value(args, ++i));
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (rows < 1 || repeat < 1) {
                throw new IllegalArgumentException("--rows and --repeat must be positive");
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(USAGE);
            return 2;
        }
        Path generated = null;
        try {
            if (file == null) {
                generated = Files.createTempFile("atelier-portfolio-", ".csv");
                long start = System.nanoTime();
                SamplePortfolio.writeCsv(generated, 1, rows, true);
                out.printf(Locale.ROOT, "Generated the sample portfolio (%,d rows, seed 1) in %.0f ms%n", rows,
                        millis(start));
                file = generated;
            }
            return measure(file, repeat, out);
        } catch (DatasetException e) {
            out.println("Error: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("Error: " + e);
            return 1;
        } catch (OutOfMemoryError e) {
            out.println("Error: " + DatasetLimits.outOfMemory(file.getFileName().toString(), file.toFile().length(),
                    Runtime.getRuntime().maxMemory()));
            return 1;
        } finally {
            if (generated != null) {
                try {
                    Files.deleteIfExists(generated);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static int measure(Path file, int repeat, PrintStream out) throws IOException {
        FrameReader reader = FrameReader.localFiles(Runtime.getRuntime().maxMemory(), out); // no upload limit
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double[] warmUps = new double[WARM_UPS];
        Frame frame = null;
        for (int i = 0; i < WARM_UPS; i++) {
            long start = System.nanoTime();
            frame = reader.read(file); // the first read fails with the reader's message on a bad file
            warmUps[i] = millis(start);
        }
        double megabytes = Files.size(file) / 1e6;
        out.printf(Locale.ROOT, "File: %s (%.1f MB)%n", file.getFileName(), megabytes);
        out.printf(Locale.ROOT, "Cores: %d, max heap %,d MB, Java %s, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version(), os.getSystemLoadAverage());
        out.printf(Locale.ROOT, "Warm-up (%d reads, not counted): %s ms%n", WARM_UPS,
                Arrays.stream(warmUps).mapToObj(t -> String.format(Locale.ROOT, "%.0f", t))
                        .collect(java.util.stream.Collectors.joining(", ")));
        out.printf(Locale.ROOT, "Rows: %,d  Columns: %d%n", frame.rowCount(), frame.columnCount());
        double[] reads = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            frame = null; // let the previous frame go before the next read
            System.gc();
            long cpu = processCpuNanos(os);
            long start = System.nanoTime();
            frame = reader.read(file);
            reads[i] = millis(start);
            out.printf(Locale.ROOT, "read %d:    %7.0f ms  %6.0f MB/s  (process CPU %.0f ms)%n", i + 1, reads[i],
                    megabytes / (reads[i] / 1000), (processCpuNanos(os) - cpu) / 1e6);
        }
        List<Double> profiles = new ArrayList<>();
        DatasetProfile profile = null;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            profile = Profiler.profile(frame);
            profiles.add(millis(start));
        }
        double[] sorted = reads.clone();
        Arrays.sort(sorted);
        double median = sorted[repeat / 2];
        out.printf(Locale.ROOT, "Read:    best %.0f ms (%.0f MB/s), median %.0f ms (%.0f MB/s)%n", sorted[0],
                megabytes / (sorted[0] / 1000), median, megabytes / (median / 1000));
        out.printf(Locale.ROOT, "Profile: best %.0f ms, median %.0f ms (%d columns, %d warnings)%n",
                profiles.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                profiles.stream().sorted().toList().get(repeat / 2), profile.nCols(), profile.warnings().size());
        out.printf(Locale.ROOT, "Load average now: %.2f%n", os.getSystemLoadAverage());
        return 0;
    }

    /** The JVM's CPU time across all its threads (GC included), or 0 where the platform does not say. */
    private static long processCpuNanos(OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
