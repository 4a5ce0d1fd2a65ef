package io.devops.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after n failures wait a random time between half and all of
 * min(max, base·2ⁿ), so that thousands of agents coming back after a server restart do not all knock at once.
 */
final class Backoff {

    private final long baseMillis;
    private final long maxMillis;
    private int failures;

    Backoff(Duration base, Duration max) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The ceiling of the next wait, without jitter. */
    long ceilingMillis() {
        return Math.min(maxMillis, baseMillis << Math.min(failures, 30));
    }

    Duration next() {
        long ceiling = ceilingMillis();
        failures++;
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
