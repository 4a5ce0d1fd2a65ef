package io.devops.platform.burnin;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A node of a spare pool as the recurring burn-in sees it: its lifecycle state, whether a lock or a
 * run holds it, when it last passed the pool's tier and when a burn-in was last started on it.
 */
record Candidate(long nodeId, String ip, String state, boolean locked, boolean busy, Instant lastPassed, Instant lastStarted) {

    static final String READY = "READY";

    /** Never burnt in first, then the longest ago; ties by id. */
    private static final Comparator<Candidate> LONGEST_WAITING = Comparator
            .comparing((Candidate candidate) -> candidate.lastBurnIn() == null ? Instant.MIN : candidate.lastBurnIn())
            .thenComparingLong(Candidate::nodeId);

    /**
     * Whether its burn-in is due at {@code now}: READY (never DELIVERED, TESTING, FAILED_TESTING...),
     * neither locked nor used by a run, and neither passed nor started within {@code period}. A start
     * counts even when its run did not pass: a failing node leaves READY, a cancelled run waits a period.
     */
    boolean dueAt(Instant now, Duration period) {
        Instant last = lastBurnIn();
        return couldBeDue() && (last == null || !last.isAfter(now.minus(period)));
    }

    /** READY and free of locks and runs: due once its last burn-in is old enough. */
    boolean couldBeDue() {
        return READY.equals(state) && !locked && !busy;
    }

    Candidate passed(Instant at) {
        return new Candidate(nodeId, ip, state, locked, busy, at, lastStarted);
    }

    /** The later of its last pass and its last start; null for neither. */
    Instant lastBurnIn() {
        if (lastPassed == null || lastStarted == null) {
            return lastPassed == null ? lastStarted : lastPassed;
        }
        return lastPassed.isAfter(lastStarted) ? lastPassed : lastStarted;
    }

    /** The due candidates to start now, at most {@code room} of them, the longest waiting first. */
    static List<Candidate> toStart(List<Candidate> candidates, Instant now, Duration period, int room) {
        return candidates.stream().filter(candidate -> candidate.dueAt(now, period)).sorted(LONGEST_WAITING)
                .limit(Math.max(0, room)).toList();
    }
}
