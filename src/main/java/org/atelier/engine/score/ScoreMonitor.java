package org.atelier.engine.score;

/** What a scoring run tells its caller, and how it is stopped (checked between chunks of rows). */
public interface ScoreMonitor {
    ScoreMonitor NONE = new ScoreMonitor() {
    };

    /** {@code done} of {@code total} rows predicted (0 of n once the data is encoded). */
    default void onRows(int done, int total) {
    }

    default boolean isCancelled() {
        return false;
    }
}
