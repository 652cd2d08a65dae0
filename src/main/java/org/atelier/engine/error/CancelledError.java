package org.atelier.engine.error;

/** The caller asked the fit to stop (through its FitMonitor) between two IRLS iterations. */
public final class CancelledError extends GlmException {
    public CancelledError(String message) {
        super(message);
    }
}
