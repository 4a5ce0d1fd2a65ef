package io.devops.platform.health;

import java.util.List;

/**
 * Public API: published after the commit that drained a node for a condition (or that an operator's
 * accepted recommendation or a {@code POST /nodes/{id}/repair} drained it), so that the repair module
 * repairs it. {@code healthEventId}, {@code policyId} and {@code policyVersion} are null for a repair
 * asked by hand. The repair module counts its own earlier repairs of the same condition
 * (component, code, subject) on the node and escalates to RMA past {@code escalateAfterRepairs}.
 */
public record RepairRequested(long nodeId, Long healthEventId, String component, String code, String subject,
                              List<RepairAction> actions, int escalateAfterRepairs, Long policyId, Integer policyVersion,
                              List<String> reacceptanceChecks, String actor, String reason) {

    public RepairRequested {
        actions = List.copyOf(actions);
        reacceptanceChecks = List.copyOf(reacceptanceChecks);
    }
}
