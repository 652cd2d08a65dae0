package org.atelier.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.atelier.config.AccessProperties;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailures} failed logins in a row for one user name, or from one
 * address, that name or address is locked for {@code lockTime}. A success clears the user name's count but not
 * the address's, so guessing other users' passwords between logins to one's own account gains nothing.
 * Counts live in memory: a restart clears them, which an attacker cannot trigger.
 */
@Component
public class LoginThrottle {
    private static final int MAX_KEPT = 10_000;
    private final int maxFailures;
    private final Duration lockTime;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public LoginThrottle(AccessProperties properties, Clock clock) {
        this(properties.maxFailures(), properties.lockTime(), clock);
    }

    LoginThrottle(int maxFailures, Duration lockTime, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockTime = lockTime;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long until this user name or address may try again, if either is locked now. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration left = Duration.ZERO;
        for (String key : keys(username, address)) {
            Failures f = failures.get(key);
            if (f != null && f.count() >= maxFailures) {
                Duration rest = Duration.between(now, f.last().plus(lockTime));
                if (rest.isPositive() && rest.compareTo(left) > 0) {
                    left = rest;
                }
            }
        }
        return left.isPositive() ? Optional.of(left) : Optional.empty();
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEPT) {
            failures.values().removeIf(f -> !f.last().plus(lockTime).isAfter(now)); // bounded under a spray of names
        }
        for (String key : keys(username, address)) {
            // a count older than the lock time is forgotten: failures spread over days never lock anyone
            failures.compute(key, (k, f) -> f == null || !f.last().plus(lockTime).isAfter(now)
                    ? new Failures(1, now) : new Failures(f.count() + 1, now));
        }
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private static String[] keys(String username, String address) {
        return new String[] {userKey(username), "address:" + (address == null ? "" : address)};
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
