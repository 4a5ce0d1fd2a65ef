package io.devops.platform.health;

import java.util.Optional;

/**
 * The arithmetic of {@link HealthLimits}: may the policy drain one more node of a pool? A pool's cap
 * is the smaller of {@code maxNodesPerPool} and {@code maxPercentPerPool} % of its nodes (rounded
 * down, but never below one node); the fleet's is {@code maxPerHour} drains in the last hour.
 * Answers which limit one more drain would pass, in words, or empty when it stays within them.
 */
final class LimitCheck {

    private LimitCheck() {
    }

    /** What the counts stand at: the pool's size, its nodes the policy holds in REPAIR, the fleet's drains this hour. */
    record Counts(int poolSize, int drainedInPool, int drainedLastHour) {
    }

    static int poolCap(HealthLimits limits, int poolSize) {
        int byPercent = Math.max(1, (int) ((long) poolSize * limits.maxPercentPerPool() / 100));
        return Math.max(0, Math.min(limits.maxNodesPerPool(), byPercent));
    }

    static Optional<String> exceeded(HealthLimits limits, Counts counts) {
        int cap = poolCap(limits, counts.poolSize());
        if (counts.drainedInPool() + 1 > cap) {
            return Optional.of("limit reached: " + counts.drainedInPool() + " of the pool's " + counts.poolSize()
                    + " nodes already in REPAIR by the policy, at most " + cap + " at a time (maxNodesPerPool "
                    + limits.maxNodesPerPool() + ", maxPercentPerPool " + limits.maxPercentPerPool() + " %)");
        }
        if (counts.drainedLastHour() + 1 > limits.maxPerHour()) {
            return Optional.of("limit reached: " + counts.drainedLastHour() + " automatic drains in the last hour across the fleet, at most "
                    + limits.maxPerHour() + " (maxPerHour)");
        }
        return Optional.empty();
    }
}
