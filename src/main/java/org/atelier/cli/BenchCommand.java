package org.atelier.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.linalg.LinearAlgebra;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;

/**
 * {@code atelier bench [--rows N] [--backend NAME|all] [--repeat K] [--csv FILE] [--e2e] [--r]}: generates the sample
 * portfolio, fits the sample's frequency model (43 coefficients) on each backend and prints fit time, iterations, the
 * Gram kernels' GFLOP/s (dense p = 50 and 200) and peak heap; with --r, also times R's glm on the same data
 * when Rscript is installed; with --warm-up, runs the workbench's start-up engine warm-up before the first fit; with --path, times the cross-validated elastic-net path instead ({@link PathBenchmark}).
 * Figures only: nothing here asserts a time.
 */
public final class BenchCommand {
    private static final long SEED = 20240601L;
    private BenchCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /**
     * @param warmUp with {@code --warm-up}, run before the first fit, as the workbench does at start (the engine
     *               warm-up lives with the fits it serves; the application passes it in); returns what it did
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Supplier<String> warmUp) {
        int rows = SamplePortfolio.DEFAULT_ROWS;
        String backend = "all";
        int repeat = 3;
        Path csv = null;
        boolean withR = false;
        boolean endToEnd = false;
        boolean warmingUp = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "bench" -> { }
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--backend" -> backend = args[++i];
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--csv" -> csv = Path.of(args[++i]);
                case "--r" -> withR = true;
                case "--e2e" -> endToEnd = true;
                case "--warm-up" -> {
                    if (warmUp == null) {
                        err.println("UsageError: --warm-up needs the application's engine warm-up (run the jar)");
                        return 2;
                    }
                    warmingUp = true;
                }
                case "--path" -> {
                    return PathBenchmark.run(args, out, err);
                }
                case "--diagnostics" -> {
                    return DiagnosticsBenchmark.run(args, out);
                }
                case "--levels" -> {
                    return LevelsBenchmark.run(args, out);
                }
                default -> {
                    err.println("UsageError: unknown option " + args[i]);
                    err.println("Usage: atelier bench [--rows N] [--backend NAME|all] [--repeat K] [--csv FILE] [--e2e] [--r] [--path [--encoded]] [--diagnostics [--drop-one]] [--levels [--counts N,N]] [--warm-up]");
                    return 2;
                }
            }
        }
        try {
            long t0 = System.nanoTime();
            Frame frame = SamplePortfolio.generate(SEED, rows);
            out.printf(Locale.ROOT, "Generated %,d rows in %.2f s (%d cores, Vector API %s)%n", rows, seconds(t0),
                    Runtime.getRuntime().availableProcessors(), LinearAlgebras.vectorApiAvailable() ? "on" : "off");
            if (warmingUp) {
                long warm = System.nanoTime();
                String done = warmUp.get();
                out.printf(Locale.ROOT, "Engine warm-up (as at the workbench's start): %s, %.2f s%n", done, seconds(warm));
            }
            List<String> backends = backend.equals("all") ? LinearAlgebras.available() : List.of(backend);
            ModelSpec spec = SampleModel.frequency();
            for (String name : backends) {
                double best = Double.MAX_VALUE;
                FittedModel model = null;
                for (int r = 0; r < repeat; r++) {
                    long cpu = processCpuNanos();
                    long start = System.nanoTime();
                    model = GlmFitter.fit(spec, frame, FitSettings.backend(name));
                    best = Math.min(best, seconds(start));
                    out.printf(Locale.ROOT, "  %-7s run %d: fit %.3f s (process CPU %.3f s, load average %.1f)%n", name,
                            r + 1, seconds(start), (processCpuNanos() - cpu) / 1e9,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
                out.printf(Locale.ROOT, "%-7s fit (best of %d) %.3f s, %d iterations, %d coefficients, deviance %.4f%n",
                        name, repeat, best, model.statistics().iterations(), model.coefficients().length, model.statistics().deviance());
                for (int d : new int[] {50, 200}) {
                    out.printf(Locale.ROOT, "%-7s dense X'WX kernel p=%d: %.1f GFLOP/s%n", name, d, gramGflops(LinearAlgebras.byName(name), d));
                }
            }
            out.printf(Locale.ROOT, "Peak heap: %.0f MB%n", peakHeapMb());
            if (csv != null || withR || endToEnd) {
                Path file = csv != null ? csv : Files.createTempFile("atelier-bench", ".csv");
                SamplePortfolio.writeCsv(file, SEED, rows);
                out.println("Wrote " + file);
                if (endToEnd) {
                    timeFitCommand(file, out);
                }
                if (withR) {
                    timeR(file, out);
                }
            }
            return 0;
        } catch (GlmException e) {
            err.println(e.oneLine());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Dense Gram throughput: n·d(d+1) flops (d(d+1)/2 weighted dot products of length n, 2 flops per term). */
    static double gramGflops(LinearAlgebra kernel, int d) {
        int n = 200_000;
        SplittableRandom rnd = new SplittableRandom(1);
        List<Block> blocks = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = rnd.nextDouble();
            blocks.add(new Block.Dense("x" + j, "x" + j, col));
        }
        DesignMatrix x = new DesignMatrix(n, blocks);
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        x.gram(w, kernel); // warm-up
        int reps = 0;
        long start = System.nanoTime();
        do {
            x.gram(w, kernel);
            reps++;
        } while (System.nanoTime() - start < 1_000_000_000L && reps < 50);
        double secs = seconds(start);
        return reps * (double) n * d * (d + 1) / secs / 1e9;
    }

    /**
     * The JVM's CPU time over all its threads (the fit's workers, and the JIT and GC threads working for it): on a
     * machine busy with other work, wall time grows with the load, CPU time much less.
     */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static double peakHeapMb() {
        double sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum / 1e6;
    }

    /** The whole headless command in a fresh JVM (start, read the CSV, fit, write JSON), as a user runs it. */
    private static void timeFitCommand(Path csv, PrintStream out) throws IOException {
        Path spec = Files.createTempFile("atelier-bench", ".json");
        Files.writeString(spec, SPEC_JSON);
        Path result = Files.createTempFile("atelier-bench", ".out.json");
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(javaBinary, "--add-modules", "jdk.incubator.vector"));
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath)); // the application jar: its launcher dispatches "fit"
        } else {
            command.addAll(List.of("-cp", classPath, FitCommand.class.getName()));
        }
        command.addAll(List.of("fit", "--data", csv.toString(), "--spec", spec.toString(), "--out", result.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            p.waitFor(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double secs = seconds(start);
        if (p.exitValue() != 0) {
            out.println("fit command failed: " + output.strip());
            return;
        }
        out.printf(Locale.ROOT, "fit command end to end (JVM start, read CSV, fit, write JSON): %.2f s%n", secs);
    }

    private static final String SPEC_JSON = """
            {"response": "ClaimNb", "family": "poisson", "link": null, "offset": "Exposure", "weights": null,
             "intercept": true, "interactions": [],
             "terms": {"Area": {"type": "categorical"}, "VehPower": {"type": "linear"}, "VehAge": {"type": "linear"},
                       "DrivAge": {"type": "linear"}, "BonusMalus": {"type": "linear"},
                       "VehBrand": {"type": "categorical"}, "VehGas": {"type": "categorical"},
                       "Density": {"type": "linear"}, "Region": {"type": "categorical"}},
             "fit_options": {"max_iter": 25, "tol": 1e-8}}
            """;

    private static void timeR(Path csv, PrintStream out) throws IOException {
        String script = """
                t0 <- proc.time()[["elapsed"]]
                if (requireNamespace("data.table", quietly = TRUE)) d <- as.data.frame(data.table::fread("%s", stringsAsFactors = TRUE)) else d <- read.csv("%s", stringsAsFactors = TRUE)
                t1 <- proc.time()[["elapsed"]]
                f <- glm(ClaimNb ~ Area + VehPower + VehAge + DrivAge + BonusMalus + VehBrand + VehGas + Density + Region + offset(log(Exposure)), family = poisson(), data = d)
                t2 <- proc.time()[["elapsed"]]
                cat(sprintf("R read %%.2f s, glm %%.2f s, %%d iterations, deviance %%.4f\\n", t1 - t0, t2 - t1, f$iter, f$deviance))
                """.formatted(csv, csv);
        Path file = Files.createTempFile("atelier-bench", ".R");
        Files.writeString(file, script);
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder("Rscript", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println("Rscript not installed: R timing skipped");
            return;
        }
        String output = new String(p.getInputStream().readAllBytes());
        try {
            p.waitFor(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.print(output);
        out.printf(Locale.ROOT, "Rscript wall time (start, read, fit): %.2f s%n", seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
