package io.devops.platform.job;

import io.devops.platform.shared.InvalidInputException;

/**
 * When a run of a job waits for a second person before it starts: when it targets a node that is
 * DELIVERED to a tenant ({@code whenDelivered}), or more than {@code aboveNodes} nodes (null: no
 * limit). {@link #NONE} asks for nothing.
 */
public record ApprovalRule(boolean whenDelivered, Integer aboveNodes) {

    public static final ApprovalRule NONE = new ApprovalRule(false, null);
    static final int MAX_NODES = 1_000_000;

    public ApprovalRule {
        if (aboveNodes != null && (aboveNodes < 0 || aboveNodes > MAX_NODES)) {
            throw new InvalidInputException("aboveNodes", "must be a number of nodes from 0 to " + MAX_NODES
                    + " (or null for no limit), not " + aboveNodes);
        }
    }

    public boolean asksForNothing() {
        return !whenDelivered && aboveNodes == null;
    }
}
