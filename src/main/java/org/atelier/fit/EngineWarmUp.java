package org.atelier.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.BooleanSupplier;
import org.atelier.config.Json;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.diagnostics.DiagnosticsProgress;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.fit.FitMonitor;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.summary.Summary;

/**
 * Fits a few generated models so that the JIT compiles the engine's kernels before the user's first fit: a fresh
 * JVM runs them interpreted, and the first fit of the 43-coefficient frequency model then took 2.3 s against
 * 0.47 s warm. The models cover what real fits run: Poisson with an offset on few rating cells (the categorical
 * sums per cell) and on many (per row), splines on the Vector API kernel (dense X'WX), Gamma and binomial
 * deviances, an elastic net at a fixed α, a cross-validated lasso path with a target and a frequency encoding
 * (re-learned per fold), and what a result goes through after the engine: relativity tables and coefficients with
 * their JSON, summary, the serialised model and, for the frequency model, the diagnostics.
 *
 * <p>It runs on one core ({@link #run} uses a one-thread pool, which the engine's parallel loops then share),
 * and stops between two IRLS iterations as soon as {@code stop} says so, e.g. when a real fit starts.
 */
public final class EngineWarmUp {
    /** Rows of the generated portfolio: enough passes over them for C2 to compile the row loops. */
    public static final int ROWS = 120_000;
    private static final long SEED = 7;

    /** What the warm-up did: fits completed, fits the engine refused (warming all the same), whether it stopped early. */
    public record Result(int fits, int failed, long millis, boolean stopped) {
    }

    private EngineWarmUp() {
    }

    /** Runs the warm-up fits on a one-thread, low-priority pool; returns when done or stopped. */
    public static Result run(int rows, BooleanSupplier stop) {
        ForkJoinPool pool = new ForkJoinPool(1, p -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName("atelier-warm-up");
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.setDaemon(true);
            return thread;
        }, null, false);
        try {
            return pool.submit(() -> fitAll(rows, stop)).join();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result fitAll(int rows, BooleanSupplier stop) {
        long start = System.nanoTime();
        Frame frame = withDerivedColumns(SamplePortfolio.generate(SEED, rows));
        FitMonitor monitor = new FitMonitor() {
            @Override
            public boolean isCancelled() {
                return stop.getAsBoolean();
            }
        };
        int fits = 0;
        int failed = 0;
        for (Fit fit : fits()) {
            if (stop.getAsBoolean()) {
                return new Result(fits, failed, millis(start), true);
            }
            try {
                FittedModel model = GlmFitter.fit(fit.spec(), frame, new FitSettings(
                        fit.backend() == null ? null : LinearAlgebras.byName(fit.backend()), monitor));
                Summary.render(model);
                // the results as a fit stores them: Jackson learns their records here, not in the first user's fit
                Json.MAPPER.writeValueAsString(RelativityTables.of(model, frame));
                Json.MAPPER.writeValueAsString(model.coefficientTable().stream().map(FitService::row).toList());
                if (fit.withDiagnostics()) {
                    DiagnosticsStage.compute(model, frame, DiagnosticsProgress.NONE);
                }
                ModelSerializer.write(model);
                fits++;
            } catch (CancelledError e) {
                return new Result(fits, failed, millis(start), true);
            } catch (GlmException e) {
                failed++; // e.g. a spline whose knots a small portfolio cannot support: the other models still warm
            }
        }
        return new Result(fits, failed, millis(start), false);
    }

    /** One warm-up model; the diagnostics (a real fit computes them beside its results) for the first few. */
    private record Fit(ModelSpec spec, String backend, boolean withDiagnostics) {
        Fit(ModelSpec spec, String backend) {
            this(spec, backend, false);
        }
    }

    /** The warm-up's models, in order of how much a typical first fit gains from them. */
    static List<Fit> fits() {
        List<TermSpec> rating = List.of(TermSpec.categorical("Area"), TermSpec.linear("VehPower"),
                TermSpec.linear("VehAge"), TermSpec.linear("DrivAge"), TermSpec.linear("BonusMalus"),
                TermSpec.categorical("VehBrand"), TermSpec.categorical("VehGas"), TermSpec.linear("Density"),
                TermSpec.categorical("Region"));
        // DrivAge's 80-odd levels make more rating cells than RatingCells keeps: the per-row categorical path
        List<TermSpec> manyCells = List.of(TermSpec.categorical("Area"), TermSpec.categorical("DrivAge"),
                TermSpec.categorical("VehBrand"), TermSpec.linear("BonusMalus"), TermSpec.categorical("Region"));
        List<TermSpec> splines = List.of(TermSpec.bs("DrivAge", 8, null), TermSpec.ns("VehAge", 6),
                TermSpec.bs("Density", 8, null), TermSpec.linear("BonusMalus"), TermSpec.categorical("Area"));
        // the encodings a lasso path re-learns per fold: VehBrand target-encoded, Region frequency-encoded
        List<TermSpec> encoded = rating.stream().map(t -> switch (t.name()) {
            case "VehBrand" -> new TermSpec(t.name(), TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null);
            case "Region" -> new TermSpec(t.name(), TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null);
            default -> t;
        }).toList();
        List<Fit> fits = new ArrayList<>();
        ModelSpec frequency = poisson(rating, FitOptions.DEFAULT);
        fits.add(new Fit(frequency, null, true));
        fits.add(new Fit(frequency, null, true));
        fits.add(new Fit(poisson(manyCells, FitOptions.DEFAULT), null));
        if (LinearAlgebras.vectorApiAvailable()) {
            fits.add(new Fit(poisson(splines, FitOptions.DEFAULT), "vector"));
            fits.add(new Fit(poisson(splines, FitOptions.DEFAULT), "vector"));
        }
        fits.add(new Fit(ModelSpec.of("Exposure", "gamma", rating), null));
        fits.add(new Fit(ModelSpec.of("HasClaim", "binomial", rating), null));
        fits.add(new Fit(poisson(rating, new FitOptions(1e-4, 0.5, 25, 1e-7, PenaltyKind.ELASTIC_NET, null, Selection.MIN, 20, 1L)),
                null));
        fits.add(new Fit(poisson(encoded, new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 3, Selection.MIN, 6, 1L)), null));
        fits.add(new Fit(frequency, null, true));
        return fits;
    }

    private static ModelSpec poisson(List<TermSpec> terms, FitOptions options) {
        return new ModelSpec("ClaimNb", terms, List.of(), "poisson", null, 1.5, null, "Exposure", null, true, options);
    }

    /** The portfolio plus a 0/1 claim indicator for the binomial model. */
    private static Frame withDerivedColumns(Frame portfolio) {
        double[] claims = ((NumericColumn) portfolio.column("ClaimNb").orElseThrow()).values();
        double[] hasClaim = new double[claims.length];
        for (int i = 0; i < claims.length; i++) {
            hasClaim[i] = claims[i] > 0 ? 1 : 0;
        }
        List<Column> columns = new ArrayList<>(portfolio.columns());
        columns.add(new NumericColumn("HasClaim", hasClaim, true));
        return new Frame(columns);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
