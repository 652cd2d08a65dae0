package org.atelier.engine.fit;

import org.atelier.engine.linalg.LinearAlgebra;
import org.atelier.engine.linalg.LinearAlgebras;

/**
 * How to run a fit (not what to fit): the linear-algebra backend, the progress/cancellation monitor and the heap
 * the fit may use. A null backend means "auto": chosen per model from the size of its dense part (see
 * {@link LinearAlgebras#auto}); a null heap means this JVM's ({@link HeapBudget#RUNTIME}).
 */
public record FitSettings(LinearAlgebra backend, FitMonitor monitor, HeapBudget heap) {
    public FitSettings {
        monitor = monitor == null ? FitMonitor.NONE : monitor;
        heap = heap == null ? HeapBudget.RUNTIME : heap;
    }

    public FitSettings(LinearAlgebra backend, FitMonitor monitor) {
        this(backend, monitor, null);
    }

    /** The same settings with another heap bound. */
    public FitSettings withHeap(HeapBudget newHeap) {
        return new FitSettings(backend, monitor, newHeap);
    }

    public static FitSettings defaults() {
        return new FitSettings(null, null);
    }

    /** A named backend; null, blank or {@code auto} for the automatic choice. */
    public static FitSettings backend(String name) {
        boolean auto = name == null || name.isBlank() || name.equals("auto");
        return new FitSettings(auto ? null : LinearAlgebras.byName(name), null);
    }

    /** The backend to use for a design with this many rows and dense columns. */
    LinearAlgebra resolve(int rows, int denseColumns) {
        return backend != null ? backend : LinearAlgebras.auto(rows, denseColumns);
    }
}
