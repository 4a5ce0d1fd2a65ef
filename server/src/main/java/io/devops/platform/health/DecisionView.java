package io.devops.platform.health;

import java.time.Instant;
import java.util.List;

/** One decision as the API shows it: the policy version that made it, what it chose, what happened and why. */
record DecisionView(long id, long healthEventId, long nodeId, String severity, long policyId, int policyVersion, String policy,
                    List<RepairAction> actions, String outcome, String nodeState, String reason, Instant decidedAt) {
}
