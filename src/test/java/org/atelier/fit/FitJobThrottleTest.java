package org.atelier.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.fit.FitMonitor;
import org.atelier.engine.fit.IterationTrace;
import org.junit.jupiter.api.Test;

/** Progress reaches the browsers at most ten times a second, whatever the engine's pace; a stage's first news always. */
class FitJobThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock implements InstantSource {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(long millis) {
            now = now.plusMillis(millis);
        }
    }

    private final HandClock clock = new HandClock();
    private final List<FitEvent> sent = new ArrayList<>();
    private final FitJob job = new FitJob("m", "p", 25, sent::add, clock);

    private static IterationTrace iteration(int i) {
        return new IterationTrace(i, 1000.0 / i, 0, Double.NaN);
    }

    private List<Integer> sentIterations() {
        return sent.stream().map(e -> (FitEvent.Progress) e).filter(p -> p.stage() == FitStage.ITERATING)
                .map(FitEvent.Progress::iteration).toList();
    }

    @Test
    void iterationsCloserThanATenthOfASecondAreHeldBackButTheLatestIsAlwaysKnown() {
        job.enter(FitStage.BUILDING_DESIGN);
        for (int i = 1; i <= 10; i++) {
            clock.advance(30);
            job.onIteration(iteration(i));
        }
        // 30 ms apart: the first goes out at once, then one whenever 100 ms have passed since the last sent
        assertThat(sentIterations()).containsExactly(1, 5, 9);
        assertThat(job.latest().iteration()).isEqualTo(10);
    }

    @Test
    void aStageChangeIsSentEvenRightAfterAnUpdate() {
        job.enter(FitStage.BUILDING_DESIGN);
        job.onIteration(iteration(1));
        job.onStage(FitMonitor.Stage.FINAL_REFIT, 0);
        assertThat(sent).map(e -> ((FitEvent.Progress) e).stage())
                .containsExactly(FitStage.BUILDING_DESIGN, FitStage.ITERATING, FitStage.FINAL_REFIT);
    }

    @Test
    void stagesAreTimedByTheInjectedClock() {
        job.enter(FitStage.BUILDING_DESIGN);
        clock.advance(250);
        job.onIteration(iteration(1));
        clock.advance(Duration.ofSeconds(2).toMillis());
        assertThat(job.stageTimings()).containsEntry("building_design", 250L).containsEntry("iterating", 2000L);
    }
}
