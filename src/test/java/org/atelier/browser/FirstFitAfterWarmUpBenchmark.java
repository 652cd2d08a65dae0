package org.atelier.browser;

import java.time.Duration;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

/**
 * The first fit after start as a user gets it: with the engine warm-up on (tests turn it off), timed once the
 * warm-up has ended (its thread, which logs "Engine warm-up done", is gone), then the warm fits. Run on purpose:
 * {@code mvn -B test -Dtest=FirstFitAfterWarmUpBenchmark -Datelier.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "atelier.benchmark", matches = "true")
@TestPropertySource(properties = {"atelier.warm-up=true", "logging.level.org.atelier.fit=DEBUG",
        "logging.level.org.atelier.ui=DEBUG"})
class FirstFitAfterWarmUpBenchmark extends FitRoundTripBenchmark {
    private static final String WARM_UP_THREAD = "atelier-warm-up-start";

    @Override
    String beforeFirstFit() {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(WARM_UP_THREAD))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The engine warm-up did not end within 10 minutes");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return String.format("on, ended %.1f s after the sample was open", (System.nanoTime() - start) / 1e9);
    }

    @Override
    boolean timesPathsAndReopening() {
        return false;
    }
}
