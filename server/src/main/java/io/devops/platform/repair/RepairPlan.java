package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import java.util.List;
import java.util.Optional;

/**
 * Which action an attempt takes, from the rule's chain (see {@link io.devops.platform.health.HealthRule}):
 * RMA once the node has had {@code escalateAfter} repairs of the condition (when that is above 0);
 * else the n-th repair of the chain for the n-th attempt, the last one again when the chain is shorter;
 * a chain without repairs is RMA when it names RMA. After a failed attempt past the chain's last
 * repair: RMA when the chain names it, the last repair again while escalation is still to come, else
 * nothing. Empty: an operator decides
 * ({@code POST /nodes/{id}/repair}).
 */
final class RepairPlan {

    private RepairPlan() {
    }

    static Optional<RepairAction> choose(List<RepairAction> chain, int escalateAfter, int earlierRepairs, boolean afterFailure) {
        boolean namesRma = chain.contains(RepairAction.RMA);
        if (escalateAfter > 0 && earlierRepairs >= escalateAfter) {
            return Optional.of(RepairAction.RMA);
        }
        List<RepairAction> repairs = chain.stream().filter(RepairAction::isRepair).toList();
        boolean pastChain = afterFailure && earlierRepairs >= repairs.size() && (namesRma || escalateAfter == 0);
        if (repairs.isEmpty() || pastChain) {
            return namesRma ? Optional.of(RepairAction.RMA) : Optional.empty();
        }
        return Optional.of(repairs.get(Math.min(earlierRepairs, repairs.size() - 1)));
    }
}
