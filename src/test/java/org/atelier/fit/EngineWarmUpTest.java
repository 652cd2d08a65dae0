package org.atelier.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineWarmUpTest {
    private static final int ROWS = 4_000; // the models, not the JIT: small enough for a unit test

    @Test
    void fitsEveryWarmUpModel() {
        EngineWarmUp.Result result = EngineWarmUp.run(ROWS, () -> false);
        assertFalse(result.stopped());
        assertEquals(0, result.failed());
        assertEquals(EngineWarmUp.fits().size(), result.fits());
    }

    @Test
    void givesWayToARealFitBeforeStarting() {
        EngineWarmUp.Result result = EngineWarmUp.run(ROWS, () -> true);
        assertTrue(result.stopped());
        assertEquals(0, result.fits());
    }

    /** A real fit that starts mid-way stops the warm-up within an iteration, not at the end of its model. */
    @Test
    void stopsBetweenIterationsWhenARealFitStarts() {
        AtomicInteger polls = new AtomicInteger();
        EngineWarmUp.Result result = EngineWarmUp.run(ROWS, () -> polls.incrementAndGet() > 3);
        assertTrue(result.stopped());
        assertEquals(0, result.fits(), "the first model iterates more than twice");
    }
}
