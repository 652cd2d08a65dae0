package org.atelier.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.score.Scorer;
import org.atelier.engine.score.Scores;
import org.atelier.scoring.PredictionsCsv;

/**
 * {@code atelier benchmark-score [--rows N] [--repeat K]}: generates the sample portfolio (678,013 rows), fits its
 * frequency model once, then times what scoring in the workbench does K times: reading the stored model bytes,
 * predicting μ and the rate for every row, and writing the predictions CSV (with the policy ID) to memory.
 * Figures only: nothing here asserts a time.
 */
public final class ScoreBenchmark {
    private static final long SEED = 20240601L;

    private ScoreBenchmark() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int rows = SamplePortfolio.DEFAULT_ROWS;
        int repeat = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "benchmark-score" -> { }
                    case "--rows" -> rows = Integer.parseInt(args[++i]);
                    case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            err.println("UsageError: " + e.getMessage() + " (benchmark-score [--rows N] [--repeat K])");
            return 2;
        }
        Frame frame = SamplePortfolio.generate(SEED, rows);
        byte[] stored = ModelSerializer.write(GlmFitter.fit(SampleModel.frequency(), frame));
        out.printf(Locale.ROOT, "Scoring %,d rows with the sample's frequency model (%d coefficients), %d runs%n", rows,
                ModelSerializer.read(stored).coefficients().length, repeat);
        List<Double> totals = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            long t0 = System.nanoTime();
            FittedModel model = ModelSerializer.read(stored);
            long t1 = System.nanoTime();
            Scores scores = Scorer.score(model, frame);
            long t2 = System.nanoTime();
            CountingSink sink = new CountingSink();
            try {
                PredictionsCsv.write(frame, List.of("IDpol"), scores, sink);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            long t3 = System.nanoTime();
            double total = (t3 - t0) / 1e6;
            totals.add(total);
            out.printf(Locale.ROOT, "run %d: read model %.1f ms, predict %.1f ms, write CSV %.1f ms (%.1f MB), total %.1f ms%n",
                    run, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, sink.bytes / 1e6, total);
        }
        List<Double> sorted = totals.stream().sorted().toList();
        out.printf(Locale.ROOT, "scoring %,d rows: best %.1f ms, median %.1f ms (first run %.1f ms)%n", rows,
                sorted.getFirst(), sorted.get(sorted.size() / 2), totals.getFirst());
        return 0;
    }

    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
