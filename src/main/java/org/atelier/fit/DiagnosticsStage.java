package org.atelier.fit;

import org.atelier.config.Json;
import org.atelier.engine.diagnostics.Diagnostics;
import org.atelier.engine.diagnostics.DiagnosticsOptions;
import org.atelier.engine.diagnostics.DiagnosticsProgress;
import org.atelier.engine.diagnostics.DiagnosticsReport;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelService;

/**
 * The fit's "Computing diagnostics" stage: the engine's validation figures on the training rows and the hold-out
 * (lift for 10, 5 and 20 buckets, Gini, A/E by every column, residuals), stored with the model so that reopening
 * it never recomputes them. Drop-one tests are not part of it: they refit the model once per term and run on
 * request ({@link ModelValidationService}).
 */
public final class DiagnosticsStage {
    private DiagnosticsStage() {
    }

    /** Computes the diagnostics of a fit on {@code frame}, the dataset it was fitted from, and stores them. */
    static void run(ModelService models, String modelId, FittedModel fitted, Frame frame, DiagnosticsProgress progress) {
        models.storeDiagnostics(modelId, compute(fitted, frame, progress));
    }

    /** The model's diagnostics as stored. */
    public static ModelDiagnostics compute(FittedModel fitted, Frame frame, DiagnosticsProgress progress) {
        DiagnosticsReport report = Diagnostics.report(fitted, frame, DiagnosticsOptions.DEFAULT, progress);
        return Json.MAPPER.convertValue(report, ModelDiagnostics.class);
    }
}
