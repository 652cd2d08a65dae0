package org.atelier.engine.score;

/**
 * A model's predictions on new data, one per row in the data's order: {@code mu} the predicted mean (exposure
 * included) and {@code rate} the prediction with the exposure set to 1 (μ/exposure for a log-link model with
 * an exposure offset, μ itself otherwise).
 */
public record Scores(double[] mu, double[] rate) {
    public int rows() {
        return mu.length;
    }
}
