package org.atelier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;

/**
 * {@code atelier benchmark-fit --path [--encoded] [--rows N] [--r]}: times a 20-α, 5-fold cross-validated elastic-net
 * path (l1_ratio 0.5) of the frequency model on the sample portfolio (678,013 rows by default); with --encoded,
 * a 20-α, 5-fold lasso of the same model with VehBrand target-encoded and Region frequency-encoded (the encodings
 * re-learned on every fold's training rows). With --r and
 * Rscript with glmnet installed, {@code cv.glmnet} on the same data (nlambda 20, nfolds 5, alpha 0.5, the model
 * matrix built before the clock starts). The first fit in the JVM is timed and printed, then the median of three more
 * is compared. Figures only: nothing asserts a time.
 */
final class PathBenchmark {
    private static final long SEED = 20240601L;
    private static final int WARM_RUNS = 3;

    private PathBenchmark() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int rows = SamplePortfolio.DEFAULT_ROWS;
        boolean withR = false;
        boolean encoded = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--r" -> withR = true;
                case "--encoded" -> encoded = true;
                default -> { }
            }
        }
        Frame frame = SamplePortfolio.generate(SEED, rows);
        ModelSpec spec = encoded ? encodedModel() : SampleModel.frequency()
                .withFitOptions(new FitOptions(0, 0.5, 25, 1e-8, PenaltyKind.ELASTIC_NET, 5, Selection.MIN, 20, 1L));
        String what = encoded ? "20-alpha 5-fold lasso path with TE(VehBrand) and FE(Region)"
                : "20-alpha 5-fold elastic-net path";
        // The first fit in a JVM also compiles the kernels; a workbench that stays up fits warm after that.
        long start = System.nanoTime();
        FittedModel model = GlmFitter.fit(spec, frame);
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        double[] warm = new double[WARM_RUNS];
        for (int run = 0; run < WARM_RUNS; run++) {
            start = System.nanoTime();
            model = GlmFitter.fit(spec, frame);
            warm[run] = (System.nanoTime() - start) / 1e9;
        }
        double[] sorted = warm.clone();
        Arrays.sort(sorted);
        double javaSeconds = sorted[WARM_RUNS / 2];
        var r = model.regularization();
        out.printf(Locale.ROOT, "Atelier: %,d rows, %s in %.2f s (median of %d runs after the"
                        + " first; chosen alpha %.4g, %d non-zero)%n",
                rows, what, javaSeconds, WARM_RUNS, r.alpha(), r.selectedFeatures().size());
        out.printf(Locale.ROOT, "  first run in this JVM (kernels compiling) %.2f s; later runs", firstSeconds);
        for (double w : warm) {
            out.printf(Locale.ROOT, " %.2f", w);
        }
        out.println(" s");
        if (withR && !encoded) {
            try {
                Path csv = Files.createTempFile("atelier-path", ".csv");
                SamplePortfolio.writeCsv(csv, SEED, rows);
                double rSeconds = timeCvGlmnet(csv, out);
                if (rSeconds > 0) {
                    out.printf(Locale.ROOT, "Speed-up over cv.glmnet: %.1fx (first run in this JVM: %.1fx)%n",
                            rSeconds / javaSeconds, rSeconds / firstSeconds);
                }
            } catch (IOException e) {
                err.println("IOError: " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** The frequency model with VehBrand target-encoded and Region frequency-encoded, as a 5-fold, 20-α lasso. */
    static ModelSpec encodedModel() {
        ModelSpec plain = SampleModel.frequency();
        List<TermSpec> terms = plain.terms().stream().map(t -> switch (t.name()) {
            case "VehBrand" -> new TermSpec(t.name(), TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null);
            case "Region" -> new TermSpec(t.name(), TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null);
            default -> t;
        }).toList();
        return new ModelSpec(plain.response(), terms, List.of(), plain.family(), plain.link(), plain.varPower(),
                plain.theta(), plain.offset(), plain.weights(), plain.intercept(),
                new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.MIN, 20, 1L));
    }

    /** Rscript's cv.glmnet time in seconds as R measures it (model matrix built before the clock), or -1. */
    private static double timeCvGlmnet(Path csv, PrintStream out) throws IOException {
        String script = """
                suppressMessages(library(glmnet))
                d <- as.data.frame(data.table::fread("%s", stringsAsFactors = TRUE))
                x <- model.matrix(~ Area + VehPower + VehAge + DrivAge + BonusMalus + VehBrand + VehGas + Density + Region, d)[, -1]
                set.seed(1)
                t <- system.time(cv <- cv.glmnet(x, d$ClaimNb, family = "poisson", offset = log(d$Exposure), alpha = 0.5, nlambda = 20, nfolds = 5))[["elapsed"]]
                cat(sprintf("cv.glmnet: %%.2f s (lambda.min %%.4g)\\n", t, cv$lambda.min))
                cat(sprintf("SECONDS %%.4f\\n", t))
                """.formatted(csv);
        Path file = Files.createTempFile("atelier-path", ".R");
        Files.writeString(file, script);
        Process p;
        try {
            p = new ProcessBuilder("Rscript", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println("Rscript not installed: cv.glmnet timing skipped");
            return -1;
        }
        String output = new String(p.getInputStream().readAllBytes());
        try {
            p.waitFor(60, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = -1;
        for (String line : output.split("\n")) {
            if (line.startsWith("SECONDS ")) {
                seconds = Double.parseDouble(line.substring(8).trim());
            } else if (!line.isBlank()) {
                out.println(line);
            }
        }
        return seconds;
    }
}
