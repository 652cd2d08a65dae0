package org.atelier.config;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * The users' fits come first. Work nobody is waiting on (a model's diagnostics, an exploration's one-factor GLMs)
 * waits while a fit is queued or running and for {@link #AFTER_FITS} after the last one (the browsers draw its
 * results then). On two cores an exploration beside a fit took the core the engine's parallel loops share: the
 * fit's engine step took 1.6 s instead of 0.6 s. Never for ever: a queue of fits holds such work back at most
 * {@link #AT_MOST} per wait, so a reader of its figures is not kept waiting without end.
 */
@Component
public class FitActivity {
    /** How long no fit must have run before background work takes a core. */
    public static final Duration AFTER_FITS = Duration.ofMillis(800);
    /** How long one wait gives way at most. */
    public static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private volatile BooleanSupplier fitsActive = () -> false;
    /** When a fit was last seen queued or running ({@link System#nanoTime}); long ago at first. */
    private volatile long lastActive = System.nanoTime() - AFTER_FITS.toNanos();

    /** Where the fits are: the fit service's queued and running jobs. */
    public void follow(BooleanSupplier active) {
        this.fitsActive = active;
    }

    /** A fit was queued or has just ended: the quiet period counts from now. */
    public void touch() {
        lastActive = System.nanoTime();
    }

    public boolean fitsActive() {
        return fitsActive.getAsBoolean();
    }

    /**
     * Returns once no fit has been queued or running for {@link #AFTER_FITS}, or after {@link #AT_MOST}: at once
     * when the fits have been quiet that long, so it can be called at every step of long background work.
     */
    public void giveWay() throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < AT_MOST.toNanos()) {
            if (fitsActive.getAsBoolean()) {
                touch();
            } else if (System.nanoTime() - lastActive >= AFTER_FITS.toNanos()) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
