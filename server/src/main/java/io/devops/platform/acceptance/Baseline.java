package io.devops.platform.acceptance;

import java.time.Instant;

/**
 * A baseline: {@code value} is the median of the last {@code samples} (at most {@code window}) PASS
 * results of its key, null before the first; pinned, it stays at the value an ADMIN pinned.
 */
record Baseline(long id, BaselineKey key, Double value, String unit, int samples, int window, boolean pinned, String pinComment,
                String pinnedBy, Instant pinnedAt, Instant updatedAt) {

    /** Whether verdicts are judged against it: pinned, or resting on at least {@code minSamples} results. */
    boolean usable(int minSamples) {
        return value != null && (pinned || samples >= minSamples);
    }

    BaselineRef ref() {
        return new BaselineRef(id, value, samples);
    }
}
