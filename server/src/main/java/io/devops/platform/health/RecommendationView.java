package io.devops.platform.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A repair the policy proposes for a person to accept or dismiss, with the evidence: status OPEN,
 * ACCEPTED or DISMISSED, and who resolved it, when, with what comment.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RecommendationView(long id, long nodeId, String nodeIp, long poolId, long healthEventId, long decisionId, String component,
                          String code, String subject, String severity, String evidence, List<RepairAction> actions,
                          int escalateAfterRepairs, long policyId, int policyVersion, String reason, String status,
                          Instant createdAt, Instant resolvedAt, String resolvedBy, String comment) {

    boolean open() {
        return "OPEN".equals(status);
    }
}
