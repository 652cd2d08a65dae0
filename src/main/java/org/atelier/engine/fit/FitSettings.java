package org.atelier.engine.fit;

import org.atelier.engine.linalg.LinearAlgebra;
import org.atelier.engine.linalg.LinearAlgebras;

/** How to run a fit (not what to fit): the linear-algebra backend and the progress/cancellation monitor. */
public record FitSettings(LinearAlgebra backend, FitMonitor monitor) {
    public FitSettings {
        backend = backend == null ? LinearAlgebras.fastest() : backend;
        monitor = monitor == null ? FitMonitor.NONE : monitor;
    }

    public static FitSettings defaults() {
        return new FitSettings(null, null);
    }

    public static FitSettings backend(String name) {
        return new FitSettings(LinearAlgebras.byName(name), null);
    }
}
