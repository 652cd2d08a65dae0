package org.atelier.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atelier.config.AtelierVersion;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.rating.RatingTableBuilder;
import org.atelier.engine.rating.RatingTables;
import org.atelier.tables.RatingTableService;
import org.atelier.tables.TableFormat;
import org.atelier.tables.TableSource;

/**
 * {@code tables --benchmark [--rows N] [--repeat N]}: the export of the sample portfolio's frequency model
 * (678,013 rows by default) as the results panel runs it once the dataset is in memory: the stored model bytes
 * read back, the tables built over the training rows (exposure per level, one-way bands) and the file written;
 * per format, the first run and the median of the repeats, in wall-clock and in CPU time of the exporting thread
 * (the latter hardly moves on a machine busy with other work).
 */
final class TablesBenchmark {
    private TablesBenchmark() {
    }

    static int run(String[] args, PrintStream out) {
        int rows = SamplePortfolio.DEFAULT_ROWS;
        int repeat = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown benchmark option " + args[i]);
            }
        }
        Frame frame = SamplePortfolio.generate(1, rows);
        long fitStart = System.nanoTime();
        byte[] bytes = ModelSerializer.write(GlmFitter.fit(SampleModel.frequency(), frame));
        out.printf(Locale.ROOT, "Sample portfolio: %,d rows; frequency model fitted in %.0f ms%n", rows,
                millis(fitStart));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<TableFormat, List<Double>> times = new EnumMap<>(TableFormat.class);
        Map<TableFormat, List<Double>> cpu = new EnumMap<>(TableFormat.class);
        Map<TableFormat, Integer> sizes = new EnumMap<>(TableFormat.class);
        for (int r = 0; r <= repeat; r++) {
            for (TableFormat format : TableFormat.values()) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                FittedModel model = ModelSerializer.read(bytes);
                RatingTables tables = RatingTableBuilder.build(model, frame);
                TableSource source = new TableSource("Sample", "v1", "sample", frame.rowCount(), model.spec(),
                        model.link().id(), null, AtelierVersion.get());
                byte[] file = RatingTableService.write(tables, source, format);
                times.computeIfAbsent(format, f -> new ArrayList<>()).add(millis(start));
                cpu.computeIfAbsent(format, f -> new ArrayList<>()).add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                sizes.put(format, file.length);
            }
        }
        for (TableFormat format : TableFormat.values()) {
            List<Double> t = times.get(format);
            out.printf(Locale.ROOT, "%s export: first %.0f ms, median of %d after it %.0f ms (CPU time %.0f ms; %,d bytes)%n",
                    format.label(), t.getFirst(), t.size() - 1, median(t), median(cpu.get(format)), sizes.get(format));
        }
        return 0;
    }

    /** The median of the runs after the first (the first includes class loading and JIT warm-up). */
    private static double median(List<Double> runs) {
        List<Double> warm = runs.subList(1, runs.size()).stream().sorted().toList();
        return warm.isEmpty() ? Double.NaN : warm.get(warm.size() / 2);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
