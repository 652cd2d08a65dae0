package org.atelier.engine.explore;

/** Progress of an exploration: {@code done} of {@code total} steps, the current one named. */
@FunctionalInterface
public interface ExploreProgress {
    ExploreProgress NONE = (stage, done, total) -> { };

    void step(String stage, int done, int total);
}
