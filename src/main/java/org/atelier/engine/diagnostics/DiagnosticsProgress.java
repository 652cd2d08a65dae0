package org.atelier.engine.diagnostics;

/** Progress of a diagnostics computation: {@code done} of {@code total} steps; called on the computing thread. */
@FunctionalInterface
public interface DiagnosticsProgress {
    DiagnosticsProgress NONE = (done, total) -> { };

    void step(int done, int total);
}
