package org.atelier.cli;

import org.atelier.data.SampleModel;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.diagnostics.DiagnosticSet;
import org.atelier.engine.diagnostics.Diagnostics;
import org.atelier.engine.diagnostics.DiagnosticsOptions;
import org.atelier.engine.diagnostics.DiagnosticsProgress;
import org.atelier.engine.diagnostics.DiagnosticsReport;
import org.atelier.engine.diagnostics.DropOneMonitor;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Validation;

/**
 * {@code atelier benchmark-fit --diagnostics [--rows N] [--repeat K] [--drop-one]}: fits the frequency model on the
 * sample portfolio (678,013 rows by default) and times the workbench's diagnostics stage on it: totals, lift for 10,
 * 5 and 20 buckets, Gini with its Lorenz points, A/E and residuals by every column, residuals by bucket and the QQ
 * sample, on all rows, then on a 20% random hold-out's two parts. The first run in the JVM is printed, then the
 * median of K more. With --drop-one, also times the drop-one tests (one warm-started refit per term). Figures only.
 */
final class DiagnosticsBenchmark {
    private static final long SEED = 20240601L;

    private DiagnosticsBenchmark() {
    }

    static int run(String[] args, PrintStream out) {
        int rows = SamplePortfolio.DEFAULT_ROWS;
        int repeat = 5;
        boolean dropOne = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--drop-one" -> dropOne = true;
                default -> { }
            }
        }
        Frame frame = SamplePortfolio.generate(SEED, rows);
        ModelSpec spec = SampleModel.frequency();
        FittedModel model = GlmFitter.fit(spec, frame);
        out.printf(Locale.ROOT, "Fitted the frequency model on %,d rows (%d coefficients, %d columns)%n", rows,
                model.coefficients().length, frame.columnCount());
        time("diagnostics, all rows", repeat, out, () -> Diagnostics.report(model, frame, DiagnosticsOptions.DEFAULT,
                DiagnosticsProgress.NONE));
        ModelSpec held = spec.withValidation(Validation.random(0.2, 42));
        FittedModel heldModel = GlmFitter.fit(held, frame);
        DiagnosticsReport report = time("diagnostics, 80% train + 20% hold-out", repeat, out,
                () -> Diagnostics.report(heldModel, frame, DiagnosticsOptions.DEFAULT, DiagnosticsProgress.NONE));
        for (DiagnosticSet set : new DiagnosticSet[] {report.train(), report.test()}) {
            out.printf(Locale.ROOT, "  %s: %,d rows, A/E %.4f, Gini %.4f, deviance per row %.5f%n",
                    set == report.train() ? "train" : "test ", set.totals().nObs(), set.totals().ae(), set.gini(),
                    set.totals().deviancePerObservation());
        }
        if (dropOne) {
            long start = System.nanoTime();
            var tests = Diagnostics.dropOne(model, frame, DropOneMonitor.NONE);
            out.printf(Locale.ROOT, "drop-one tests (%d refits, warm-started): %.2f s%n", tests.size(),
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static <T> T time(String what, int repeat, PrintStream out, java.util.function.Supplier<T> task) {
        long start = System.nanoTime();
        T result = task.get();
        double first = (System.nanoTime() - start) / 1e9;
        double[] warm = new double[repeat];
        double[] cpu = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long cpuStart = processCpuNanos();
            start = System.nanoTime();
            result = task.get();
            warm[r] = (System.nanoTime() - start) / 1e9;
            cpu[r] = (processCpuNanos() - cpuStart) / 1e9;
        }
        Arrays.sort(warm);
        Arrays.sort(cpu);
        // CPU seconds depend far less on other processes than wall time does on a shared machine
        out.printf(Locale.ROOT, "%s: first %.3f s, median of %d after it %.3f s (range %.3f-%.3f), CPU %.3f s%n", what,
                first, repeat, warm[repeat / 2], warm[0], warm[repeat - 1], cpu[repeat / 2]);
        return result;
    }
}
