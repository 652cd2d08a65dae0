package org.atelier.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Hands clock = new Hands();
    final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), clock);

    @Test
    void fiveFailuresLockTheUserNameFromEveryAddressForTheLockTime() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
        throttle.failed("Alice", "10.0.0.4"); // the same name whatever its case
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).contains(Duration.ofMinutes(15));
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).contains(Duration.ofMinutes(1));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
        throttle.failed("alice", "10.0.0.9");
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).as("an expired count starts again").isEmpty();
    }

    @Test
    void fiveFailuresFromOneAddressLockItForEveryUserName() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.1.1.1");
        }
        assertThat(throttle.lockedFor("someone-else", "10.1.1.1")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "10.1.1.2")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUserNameButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("bob", "10.2.2.2");
        }
        throttle.succeeded("bob");
        throttle.failed("bob", "10.2.2.3");
        assertThat(throttle.lockedFor("bob", "10.2.2.3")).isEmpty();
        throttle.failed("carol", "10.2.2.2"); // the address's fifth failure
        assertThat(throttle.lockedFor("dave", "10.2.2.2")).isPresent();
    }
}
