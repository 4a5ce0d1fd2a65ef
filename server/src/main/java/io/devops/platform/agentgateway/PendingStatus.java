package io.devops.platform.agentgateway;

import java.util.Map;
import java.util.Set;

/**
 * A pending enrolment's life: an admin approves or rejects it; the waiting agent then claims its
 * credential once. Nothing leaves REJECTED or CLAIMED.
 */
enum PendingStatus {
    PENDING, APPROVED, REJECTED, CLAIMED;

    private static final Map<PendingStatus, Set<PendingStatus>> NEXT = Map.of(
            PENDING, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(CLAIMED),
            REJECTED, Set.of(),
            CLAIMED, Set.of());

    static void requireAllowed(PendingStatus from, PendingStatus to) {
        if (!NEXT.get(from).contains(to)) {
            throw new IllegalStateException("a pending enrolment cannot go from " + from + " to " + to);
        }
    }
}
