package org.atelier.fit;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.atelier.config.Json;
import org.atelier.engine.diagnostics.Diagnostics;
import org.atelier.engine.diagnostics.DiagnosticsOptions;
import org.atelier.engine.diagnostics.DiagnosticsProgress;
import org.atelier.engine.diagnostics.DiagnosticsReport;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelService;
import org.atelier.model.PendingDiagnostics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fit's diagnostics stage: the engine's validation figures on the training rows and the hold-out (lift for 10,
 * 5 and 20 buckets, Gini, A/E by every column, residuals), stored with the model so that reopening it never
 * recomputes them. Drop-one tests are not part of it: they refit the model once per term and run on request
 * ({@link ModelValidationService}).
 *
 * <p>It runs on a thread of its own beside the rest of the fit (relativities, summary, saving, the results on
 * screen): it took about a third of the click-to-results time, and nothing in the results' first tabs needs it.
 * The model is {@link PendingDiagnostics pending} from the start until the figures are stored, so no reader takes
 * it for a model without diagnostics. A cancel of the fit does not reach this thread (its end is the model's own).
 */
@Component
public class DiagnosticsStage {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsStage.class);

    private final ModelService models;
    private final PendingDiagnostics pending;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "atelier-diagnostics");
        thread.setDaemon(true);
        return thread;
    });

    DiagnosticsStage(ModelService models, PendingDiagnostics pending) {
        this.models = models;
        this.pending = pending;
    }

    /**
     * Starts computing the diagnostics of a fit on {@code frame}, the dataset it was fitted from; they are stored
     * when done (before or after the results: each write keeps what the other stored).
     */
    void start(String modelId, FittedModel fitted, Frame frame) {
        pending.expect(modelId);
        try {
            worker.execute(() -> {
                try {
                    models.storeDiagnostics(modelId, compute(fitted, frame, DiagnosticsProgress.NONE));
                } catch (RuntimeException | OutOfMemoryError e) {
                    // e.g. the model was deleted meanwhile: its results stand, the tabs say no figures are stored
                    LOG.warn("Diagnostics of model {} not stored: {}", modelId, e.toString());
                } finally {
                    pending.settle(modelId);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.settle(modelId); // shutting down
        }
    }

    /** The model's diagnostics as stored. */
    public static ModelDiagnostics compute(FittedModel fitted, Frame frame, DiagnosticsProgress progress) {
        DiagnosticsReport report = Diagnostics.report(fitted, frame, DiagnosticsOptions.DEFAULT, progress);
        return Json.MAPPER.convertValue(report, ModelDiagnostics.class);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
