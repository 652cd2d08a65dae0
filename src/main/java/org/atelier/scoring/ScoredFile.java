package org.atelier.scoring;

/**
 * A finished scoring run's predictions CSV: {@code id} finds it again ({@link ScoringService#predictionsFile}),
 * {@code fileName} is what the download offers, {@code rows} the rows scored, {@code millis} how long it took.
 */
public record ScoredFile(String id, String fileName, int rows, long millis) {
}
