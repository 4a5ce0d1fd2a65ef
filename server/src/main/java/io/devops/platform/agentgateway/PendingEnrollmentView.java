package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.EnrollmentTokens.EnrollmentTokenView;
import io.devops.platform.agentgateway.PendingEnrollments.PendingRow;
import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A pending enrolment as admins see it: what the agent declared ({@code facts}, {@code hostname},
 * {@code seenFrom}) beside what the inventory knows of the node ({@code known}), so that the
 * decision is taken on both. {@code addressDiffers}: the agent connected from another address
 * than the one it declared. Never the claim secret or its hash.
 */
record PendingEnrollmentView(long id, PendingStatus status, String declaredIp, long nodeId, long tokenId,
                             Long tokenPoolId, String hostname, String agentVersion, JsonNode facts, String seenFrom,
                             boolean addressDiffers, Instant at, Map<String, Object> known, Instant decidedAt,
                             String decidedBy, String comment) {

    static PendingEnrollmentView of(PendingRow row, JsonNode facts, KnownNode node) {
        return new PendingEnrollmentView(row.id(), row.status(), row.declaredIp(), row.nodeId(), row.tokenId(),
                row.tokenPoolId(), row.hostname(), row.agentVersion(), facts, row.seenFrom(), row.addressDiffers(),
                row.at(), node == null ? null : knownSide(node), row.decidedAt(), row.decidedBy(), row.comment());
    }

    /** The node as the inventory knows it (null values kept: "no GPU known" is a fact too). */
    static Map<String, Object> knownSide(KnownNode node) {
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("nodeId", node.id());
        known.put("ip", node.ip());
        known.put("hostname", node.hostname());
        known.put("gpuType", node.gpuType());
        known.put("gpuCount", node.gpuCount());
        known.put("nodePoolId", node.nodePoolId());
        known.put("nodePoolName", node.nodePoolName());
        known.put("tenantId", node.tenantId());
        known.put("facts", node.facts());
        return known;
    }

    /** What the waiting agent declared, in the same terms. */
    static Map<String, Object> declaredSide(String hostname, FactsSummary summary, String seenFrom,
                                            EnrollmentTokenView token) {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("hostname", summary.hostname() != null ? summary.hostname() : hostname);
        declared.put("gpuType", summary.gpuType());
        declared.put("gpuCount", summary.gpuCount());
        declared.put("tokenPoolId", token.nodePoolId());
        declared.put("enrollmentTokenId", token.id());
        declared.put("seenFrom", seenFrom);
        return declared;
    }

    static Map<String, Object> declaredSide(PendingEnrollmentView view) {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("ip", view.declaredIp());
        declared.put("hostname", view.hostname());
        declared.put("tokenPoolId", view.tokenPoolId());
        declared.put("enrollmentTokenId", view.tokenId());
        declared.put("seenFrom", view.seenFrom());
        declared.put("addressDiffers", view.addressDiffers());
        declared.put("facts", view.facts());
        return declared;
    }
}
