package io.devops.platform.health;

import io.devops.platform.identity.TenantScopes;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A node's health page: its events, the decisions about them, its repairs (from the repair module, if any) and recommendations. */
@Service
@Transactional(readOnly = true)
class NodeHealth {

    record View(List<HealthEventView> events, List<DecisionView> decisions, List<RepairHistory.Entry> repairs,
                List<RecommendationView> recommendations) {
    }

    private final HealthNodes nodes;
    private final TenantScopes scopes;
    private final HealthEventSearch events;
    private final HealthDecisionStore decisions;
    private final RepairRecommendations recommendations;
    private final ObjectProvider<RepairHistory> histories;

    NodeHealth(HealthNodes nodes, TenantScopes scopes, HealthEventSearch events, HealthDecisionStore decisions,
               RepairRecommendations recommendations, ObjectProvider<RepairHistory> histories) {
        this.nodes = nodes;
        this.scopes = scopes;
        this.events = events;
        this.decisions = decisions;
        this.recommendations = recommendations;
        this.histories = histories;
    }

    View of(long nodeId) {
        HealthNodes.Node node = nodes.get(nodeId);
        scopes.requireVisible(node.tenantId(), "Node", nodeId);
        List<RepairHistory.Entry> repairs = histories.orderedStream().flatMap(history -> history.ofNode(nodeId).stream())
                .sorted(Comparator.comparing(RepairHistory.Entry::at, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        return new View(events.ofNode(nodeId), decisions.ofNode(nodeId), repairs, recommendations.ofNode(nodeId));
    }
}
