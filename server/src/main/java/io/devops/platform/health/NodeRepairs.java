package io.devops.platform.health;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.lifecycle.RepairStates;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do about a node's health: drain it or send it to RMA by hand, accept or dismiss the
 * policy's recommendations. Each is audited with the person as actor; a refused one changes nothing.
 */
@Service
@Transactional
class NodeRepairs {

    /** A node's state after a change by hand. */
    record Moved(long id, String ip, String from, String state, String reason) {
    }

    /** A drain by hand concerns no condition: its request names this component (code DRAIN, subject node) instead. */
    static final String BY_HAND = "manual";

    private final HealthNodes nodes;
    private final RepairStates states;
    private final RepairRecommendations recommendations;
    private final HealthPolicies policies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NodeRepairs(HealthNodes nodes, RepairStates states, RepairRecommendations recommendations, HealthPolicies policies,
                AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.nodes = nodes;
        this.states = states;
        this.recommendations = recommendations;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Drains the node by hand: REPAIR, and a repair request with no policy (the repair module waits for a /repair). */
    Moved drain(long nodeId, String reason) {
        HealthNodes.Node node = nodes.get(nodeId);
        String from = drainOrRefuse(node, requireReason(reason));
        events.publishEvent(new RepairRequested(nodeId, null, BY_HAND, "DRAIN", "node", List.of(RepairAction.DRAIN), 0, null, null,
                List.of(), CurrentActor.name(), reason));
        audited(node, "node.drained", from, "REPAIR", reason);
        return new Moved(nodeId, node.ip(), from, "REPAIR", reason);
    }

    Moved rma(long nodeId, String reason) {
        HealthNodes.Node node = nodes.get(nodeId);
        String from = states.state(nodeId);
        if (!states.enterRma(nodeId, CurrentActor.name(), requireReason(reason))) {
            throw new ConflictException("Node " + node.ip() + " cannot go from " + from + " to RMA: only a node in REPAIR or "
                    + "FAILED_TESTING goes to RMA", Map.of("from", from, "to", "RMA"));
        }
        audited(node, "node.rma", from, "RMA", reason);
        return new Moved(nodeId, node.ip(), from, "RMA", reason);
    }

    /** Accepts a recommendation where the lifecycle table allows the drain; a DELIVERED node must be released first. */
    RecommendationView accept(long id, String comment) {
        RecommendationView open = openRecommendation(id);
        HealthNodes.Node node = nodes.get(open.nodeId());
        String reason = "accepted repair recommendation #" + id + " (" + open.component() + " " + open.code() + ")"
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        String from = drainOrRefuse(node, reason);
        resolve(open, "ACCEPTED", comment);
        HealthPolicyVersion policy = policies.version(open.policyId(), open.policyVersion());
        events.publishEvent(new RepairRequested(node.id(), open.healthEventId(), open.component(), open.code(), open.subject(),
                open.actions(), open.escalateAfterRepairs(), open.policyId(), open.policyVersion(), policy.reacceptanceChecks(),
                CurrentActor.name(), reason));
        audited(node, "node.drained", from, "REPAIR", reason);
        return recommendations.get(id).orElseThrow();
    }

    RecommendationView dismiss(long id, String comment) {
        RecommendationView open = openRecommendation(id);
        resolve(open, "DISMISSED", comment);
        return recommendations.get(id).orElseThrow();
    }

    private String drainOrRefuse(HealthNodes.Node node, String reason) {
        String from = states.state(node.id());
        if ("DELIVERED".equals(from)) {
            throw new ConflictException("Node " + node.ip() + " is DELIVERED to a tenant: release it to the spare pool first, then "
                    + "drain it", Map.of("from", from, "to", "REPAIR"));
        }
        return states.enterRepair(node.id(), CurrentActor.name(), reason).orElseThrow(() -> new ConflictException("Node " + node.ip()
                + " cannot go from " + from + " to REPAIR: only a READY, TESTING, FAILED_TESTING or MAINTENANCE node is drained",
                Map.of("from", from, "to", "REPAIR")));
    }

    private RecommendationView openRecommendation(long id) {
        RecommendationView found = recommendations.get(id).orElseThrow(() -> new NotFoundException("Repair recommendation", id));
        if (!found.open()) {
            throw new ConflictException("Repair recommendation " + id + " is already " + found.status());
        }
        return found;
    }

    private void resolve(RecommendationView open, String status, String comment) {
        if (!recommendations.resolve(open.id(), status, CurrentActor.name(), comment, clock.instant())) {
            throw new ConflictException("Repair recommendation " + open.id() + " was resolved by someone else meanwhile; read it again");
        }
        HealthNodes.Node node = nodes.get(open.nodeId());
        audit.recordInTenant(node.tenantId(), "repair-recommendation." + status.toLowerCase(Locale.ROOT),
                "repair-recommendation", open.id(), "Repair recommendation #" + open.id() + " for node " + node.ip() + " "
                        + status.toLowerCase(Locale.ROOT) + (comment == null || comment.isBlank() ? "" : ": " + comment),
                Map.of("status", "OPEN"), Map.of("status", status));
    }

    private void audited(HealthNodes.Node node, String action, String from, String to, String reason) {
        audit.recordInTenant(node.tenantId(), action, "node", node.id(), "Node " + node.ip() + ": " + from + " -> " + to + ": " + reason,
                Map.of("lifecycle", from), Map.of("lifecycle", to));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the node is taken out of service");
        }
        return reason;
    }
}
