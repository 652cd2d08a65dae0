package org.atelier.fit;

import org.atelier.model.ModelMetrics;

/** What a running fit tells every browser that shows its model (by Vaadin push). */
public sealed interface FitEvent {
    String modelId();

    String projectId();

    /**
     * A stage change or progress within a stage, in the fit's own terms: an IRLS iteration ("Iteration 3/25 ·
     * deviance 135,200 (Δ −1,500)"), a smooth's λ search ("Iteration 4 · λ search"), or a cross-validated path's α
     * step with the fold fits done at it ("α 7/20 · fold 3/5"; fold 0: "α 7/20 · full data").
     */
    record Progress(String modelId, String projectId, FitStage stage, int iteration, int maxIterations,
                    double deviance, double change, int alpha, int alphas, int fold, int folds) implements FitEvent {

        /** A stage change or an IRLS iteration (no path step). */
        public Progress(String modelId, String projectId, FitStage stage, int iteration, int maxIterations,
                        double deviance, double change) {
            this(modelId, projectId, stage, iteration, maxIterations, deviance, change, 0, 0, 0, 0);
        }

        /** Whether there is more to say than the stage's name. */
        public boolean hasDetail() {
            return switch (stage) {
                case ITERATING, LAMBDA_SEARCH -> iteration > 0;
                case CV_PATH -> alpha > 0 && alphas > 0;
                default -> false;
            };
        }

        public String describe() {
            if (!hasDetail()) {
                return stage.label() + "…";
            }
            return switch (stage) {
                case LAMBDA_SEARCH -> "Iteration " + iteration + " · λ search";
                case CV_PATH -> String.format("α %d/%d · %s", alpha, alphas,
                        fold == 0 ? "full data" : String.format("fold %d/%d", fold, folds));
                default -> {
                    String delta = Double.isNaN(change) ? "" : String.format(" (Δ %s)", signed(change));
                    yield String.format("Iteration %d/%d · deviance %,.0f%s", iteration, maxIterations, deviance, delta);
                }
            };
        }

        /** How far the stage has come, 0..1, or NaN when that is not known (a bar then runs indeterminate). */
        public double fraction() {
            if (!hasDetail()) {
                return Double.NaN;
            }
            return switch (stage) {
                case CV_PATH -> Math.min(1, (alpha - 1 + (fold + 1.0) / (folds + 1)) / alphas);
                case LAMBDA_SEARCH -> maxIterations > 0 ? Math.min(1, (iteration - 1.0) / maxIterations) : Double.NaN;
                default -> maxIterations > 0 ? Math.min(1, (double) iteration / maxIterations) : Double.NaN;
            };
        }

        /** The change with its sign; below 0.5 in two significant digits, so a converging fit never reads "Δ −0". */
        private static String signed(double value) {
            double size = Math.abs(value);
            if (size == 0) {
                return "0";
            }
            return (value < 0 ? "−" : "+") + (size >= 0.5 ? String.format("%,.0f", size) : String.format("%.2g", size));
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
