package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.lifecycle.RepairStates;
import io.devops.platform.shared.PlatformException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Carries one attempt through: the node must be in REPAIR; the action is chosen (or an operator is
 * waited for), recorded, done; a success starts the re-acceptance, a failure opens the next attempt
 * of the same condition (the chain's next action or RMA). Runs on {@link RepairThreads}, outside any
 * transaction, each step committed as it is recorded.
 */
@Service
class RepairWork {

    private static final Logger LOG = LoggerFactory.getLogger(RepairWork.class);
    static final String NODE_STATE_REPAIR = "REPAIR";

    private final RepairLedger ledger;
    private final RepairStates states;
    private final NodePlacement placement;
    private final Map<RepairAction, NodeRepairAction> actions = new EnumMap<>(RepairAction.class);
    private final Reacceptance reacceptance;
    private final AuditTrail audit;
    private final CarriedRepairs carried;
    private final Clock clock;

    RepairWork(RepairLedger ledger, RepairStates states, NodePlacement placement, List<NodeRepairAction> actions,
               Reacceptance reacceptance, AuditTrail audit, CarriedRepairs carried, Clock clock) {
        this.ledger = ledger;
        this.states = states;
        this.placement = placement;
        actions.forEach(action -> this.actions.put(action.action(), action));
        this.reacceptance = reacceptance;
        this.audit = audit;
        this.carried = carried;
        this.clock = clock;
    }

    void proceed(long repairId, boolean afterFailure) {
        Repair repair = ledger.get(repairId).orElseThrow();
        if (repair.status() != RepairStatus.PENDING && repair.status() != RepairStatus.ACTING) {
            return;
        }
        String state = states.state(repair.nodeId());
        if (!NODE_STATE_REPAIR.equals(state)) {
            end(repair, new RepairResult(RepairResult.Kind.SKIPPED, "nothing done: the node is " + state + ", not REPAIR"));
            return;
        }
        if (repair.status() == RepairStatus.ACTING) {
            act(repair); // interrupted by a restart: done again from its start
            return;
        }
        Optional<RepairAction> action = RepairPlan.choose(repair.chain(), repair.escalateAfter(),
                ledger.repairsOf(repair.nodeId(), repair.condition(), repair.id()), afterFailure);
        if (action.isEmpty()) {
            ledger.waiting(repair.id(), "no repair in the chain " + repair.chain() + ": the node stays in REPAIR until an operator"
                    + " repairs it (POST /api/v1/nodes/" + repair.nodeId() + "/repair) or returns it");
            return;
        }
        if (ledger.acting(repair.id(), action.get(), clock.instant())) {
            act(ledger.get(repairId).orElseThrow());
        }
    }

    private void act(Repair repair) {
        PlacedNode node = placement.node(repair.nodeId());
        record(node, "node.repair-started", repair, repair.action() + " for " + repair.condition());
        if (repair.action() == RepairAction.RMA) {
            boolean moved = states.enterRma(repair.nodeId(), repair.actor(), rmaReason(repair));
            end(repair, moved ? RepairResult.succeeded("the node is in RMA: " + rmaReason(repair))
                    : RepairResult.failed("the lifecycle refused RMA from " + states.state(repair.nodeId())));
            return;
        }
        RepairResult result = perform(repair);
        if (result.succeeded()) {
            reaccept(node, repair, result);
        } else {
            end(repair, result);
            next(repair, repair.action() + " failed: " + result.detail());
        }
    }

    private RepairResult perform(Repair repair) {
        try {
            return actions.get(repair.action()).perform(repair);
        } catch (RuntimeException e) {
            LOG.warn("Repair {} ({}) of node {} failed", repair.id(), repair.action(), repair.nodeId(), e);
            return RepairResult.failed(repair.action() + " could not be done: " + e.getMessage());
        }
    }

    /** The repair worked: the node must now pass the policy's checks again before it is READY. */
    void reaccept(PlacedNode node, Repair repair, RepairResult result) {
        List<String> unknown = Reacceptance.unknown(repair.reacceptanceChecks());
        String refusal = repair.reacceptanceChecks().isEmpty() ? "the policy names no re-acceptance checks"
                : unknown.isEmpty() ? null : "the acceptance role has no check " + String.join(", ", unknown);
        if (refusal == null) {
            try {
                long runId = reacceptance.start(node.ip(), repair.reacceptanceChecks(), "repair:" + repair.id());
                ledger.reaccepting(repair.id(), result, runId, clock.instant());
                record(node, "node.reacceptance-started", repair, "re-acceptance run " + runId + " after " + describe(repair));
                return;
            } catch (PlatformException refused) {
                refusal = refused.getMessage();
            }
        }
        end(repair, new RepairResult(result.kind(), result.detail() + "; re-acceptance not started: " + refusal
                + "; the node stays in REPAIR (POST /api/v1/nodes/" + node.id() + "/return starts it)"));
    }

    /** A failed attempt or re-acceptance: the next attempt of the same condition, with the same chain. */
    void next(Repair failed, String why) {
        long id = ledger.open(new RepairLedger.NewRepair(failed.nodeId(), failed.condition(), failed.healthEventId(), failed.chain(),
                failed.escalateAfter(), failed.reacceptanceChecks(), failed.actor(), why, failed.policyId(), failed.policyVersion(),
                RepairStatus.PENDING), clock.instant());
        carried.take(id);
        try {
            proceed(id, true);
        } finally {
            carried.release(id);
        }
    }

    private void end(Repair repair, RepairResult result) {
        ledger.ended(repair.id(), result, clock.instant());
        try {
            record(placement.node(repair.nodeId()), "node.repair-ended", repair, describe(repair) + ": " + result.kind() + ": "
                    + result.detail());
        } catch (PlatformException gone) {
            LOG.info("Repair {} ended for node {}, which is gone: {}", repair.id(), repair.nodeId(), gone.getMessage());
        }
    }

    private void record(PlacedNode node, String action, Repair repair, String summary) {
        audit.recordInTenant(node.pool().tenantId(), action, "node", node.id(), "Node " + node.ip() + ": " + summary + " (by "
                + repair.actor() + ")", null, Map.of("repairId", repair.id(), "actor", repair.actor()));
    }

    private static String describe(Repair repair) {
        return (repair.action() == null ? "no action" : repair.action().name()) + " for " + repair.condition();
    }

    private static String rmaReason(Repair repair) {
        return repair.condition() + (repair.reason() == null ? "" : ": " + repair.reason());
    }
}
