package io.devops.platform.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing (console sign-in and HTTP Basic alike): within a window, a username may
 * fail a few times from one address, and one address may fail a few more times over all names.
 * Past either limit, attempts are refused without checking the password until the oldest failure
 * leaves the window. Limiting by name and address together means nobody can lock a user out from
 * elsewhere. A success clears that name's failures from that address. Kept in memory, per
 * instance: behind N instances a guesser gets N times the attempts, still far too few to guess.
 */
@Component
class SignInThrottle {

    /** Past this many tracked keys, keys whose failures all left the window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;
    private final int perNameAndAddress;
    private final int perAddress;

    SignInThrottle(Clock clock, @Value("${devops.security.sign-in.window:15m}") Duration window,
                   @Value("${devops.security.sign-in.max-failures-per-user-and-address:5}") int perNameAndAddress,
                   @Value("${devops.security.sign-in.max-failures-per-address:50}") int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perNameAndAddress = perNameAndAddress;
        this.perAddress = perAddress;
    }

    /** How long this attempt must wait; empty when it may be checked now. */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        return waitFor(nameKey(username, address), perNameAndAddress, now)
                .or(() -> waitFor(addressKey(address), perAddress, now));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record(nameKey(username, address), now);
        record(addressKey(address), now);
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    dropOld(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    void succeeded(String username, String address) {
        failures.remove(nameKey(username, address));
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            dropOld(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            // The attempt may go once enough failures have left the window to be under the limit.
            Instant oldestThatCounts = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
            return Optional.of(Duration.between(now, oldestThatCounts.plus(window)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            dropOld(times, now);
            times.addLast(now);
        }
    }

    private void dropOld(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static String nameKey(String username, String address) {
        return "user " + (username == null ? "" : username.toLowerCase(Locale.ROOT)) + " from " + address;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }
}
