package org.atelier.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Milliseconds per named step of one round trip (Fit click to results), for the debug log lines that show where
 * the time between a click and the engine, and between the engine and the screen, goes. Not thread-safe: one
 * thread at a time adds steps (the hand-over between threads is a happens-before edge, e.g. a queue).
 */
public final class StepTimes {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private long mark = started;

    /** Ends the step {@code name}: the time since the previous step ended (or since this record began). */
    public StepTimes step(String name) {
        long now = System.nanoTime();
        nanos.merge(name, now - mark, Long::sum);
        mark = now;
        return this;
    }

    public long totalMillis() {
        return (mark - started) / 1_000_000;
    }

    @Override
    public String toString() {
        return nanos.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms")
                .collect(Collectors.joining(", ")) + " (total " + totalMillis() + " ms)";
    }
}
