package io.devops.platform.burnin;

import java.time.Instant;

/**
 * A pool's recurring burn-in: its idle READY nodes pass {@code tier} (or a higher one) at least every
 * {@code everyDays}, at most {@code maxNodesAtOnce} of them burning in at a time. {@code nextLookAt}:
 * when the recurring task looks at the pool next; {@code lastLookAt} and {@code lastOutcome}: what it
 * did the last time.
 */
record SpareBurnIn(long poolId, String tier, int everyDays, int maxNodesAtOnce, boolean enabled, Instant nextLookAt,
                   Instant lastLookAt, String lastOutcome, String updatedBy, Instant updatedAt) {
}
