package org.atelier.engine.diagnostics;

import org.atelier.engine.fit.FitMonitor;

/** A {@link FitMonitor} for drop-one tests that also hears when each term's refit starts. */
public interface DropOneMonitor extends FitMonitor {
    DropOneMonitor NONE = new DropOneMonitor() {
    };

    /** Called before refitting without term {@code index} (0-based) of {@code total}. */
    default void onTerm(int index, int total, String term) {
    }
}
