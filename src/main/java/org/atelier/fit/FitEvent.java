package org.atelier.fit;

import org.atelier.model.ModelMetrics;

/** What a running fit tells every browser that shows its model (the websocket messages of §7, as push). */
public sealed interface FitEvent {
    String modelId();

    String projectId();

    /** A stage change or an IRLS iteration: "Iteration 3/25 · deviance 135,200 (Δ −1,500)". */
    record Progress(String modelId, String projectId, FitStage stage, int iteration, int maxIterations,
                    double deviance, double change) implements FitEvent {
        public String describe() {
            if (stage != FitStage.ITERATING || iteration == 0) {
                return stage.label() + "…";
            }
            String delta = Double.isNaN(change) ? "" : String.format(" (Δ %s)", signed(change));
            return String.format("Iteration %d/%d · deviance %,.0f%s", iteration, maxIterations, deviance, delta);
        }

        private static String signed(double value) {
            return (value < 0 ? "−" : "+") + String.format("%,.0f", Math.abs(value));
        }
    }

    record Completed(String modelId, String projectId, ModelMetrics metrics) implements FitEvent {
    }

    record Failed(String modelId, String projectId, String errorType, String message, String suggestion)
            implements FitEvent {
    }

    record Cancelled(String modelId, String projectId) implements FitEvent {
    }

    default boolean isFinal() {
        return !(this instanceof Progress);
    }
}
