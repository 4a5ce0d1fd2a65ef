package io.devops.platform.lifecycle;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.inventory.NodeStanding;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The node's standing on its page: its state, its acceptance (the worst of its latest verdict per
 * check, with the run and time of the newest of them) and, while it is in a tenant's pool by an
 * override, who overrode the gate, when and why.
 */
@Component
class Standings implements NodeStanding {

    private final Lifecycles lifecycles;
    private final AcceptanceVerdicts verdicts;

    Standings(Lifecycles lifecycles, AcceptanceVerdicts verdicts) {
        this.lifecycles = lifecycles;
        this.verdicts = verdicts;
    }

    @Override
    public Standing of(long nodeId, Long poolTenantId) {
        NodeState state = lifecycles.current(nodeId, poolTenantId);
        DeliveryOverride override = state != NodeState.DELIVERED ? null : lifecycles.lastInto(nodeId, NodeState.DELIVERED)
                .filter(Transition::override)
                .map(delivery -> new DeliveryOverride(delivery.actor(), delivery.at(), delivery.reason()))
                .orElse(null);
        return new Standing(state.name(), acceptance(verdicts.latestOf(nodeId)), override);
    }

    @Override
    public Map<Long, String> states(Map<Long, Long> poolTenantIds) {
        Map<Long, NodeState> stored = lifecycles.stored(poolTenantIds.keySet());
        Map<Long, String> states = new HashMap<>();
        poolTenantIds.forEach((node, tenant) -> states.put(node,
                stored.getOrDefault(node, tenant == null ? NodeState.NEW : NodeState.DELIVERED).name()));
        return states;
    }

    static Acceptance acceptance(List<NodeVerdict> latest) {
        if (latest.isEmpty()) {
            return new Acceptance(null, null, null);
        }
        CheckVerdict worst = latest.stream().map(verdict -> verdict.result().verdict()).reduce(CheckVerdict.PASS, CheckVerdict::worse);
        NodeVerdict newest = latest.stream().max(Comparator.comparing(NodeVerdict::at)).orElseThrow();
        return new Acceptance(worst.name(), newest.runId(), newest.at());
    }
}
