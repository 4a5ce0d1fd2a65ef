package io.devops.platform.repair;

import io.devops.platform.health.HealthPolicies;
import io.devops.platform.health.RepairAction;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.lifecycle.RepairStates;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's repairs: {@code POST /repair} drains the node when it is not in REPAIR yet and
 * repairs it with the action named (taking over an attempt that waits for one), {@code POST /return}
 * starts the re-acceptance of a node in REPAIR. Both refuse while another attempt is under way.
 */
@Service
@Transactional
class RepairDesk {

    private final NodePlacement placement;
    private final RepairStates states;
    private final RepairLedger ledger;
    private final HealthPolicies policies;
    private final RepairWork work;
    private final RepairThreads threads;
    private final AuditTrail audit;
    private final Clock clock;

    RepairDesk(NodePlacement placement, RepairStates states, RepairLedger ledger, HealthPolicies policies, RepairWork work,
               RepairThreads threads, AuditTrail audit, Clock clock) {
        this.placement = placement;
        this.states = states;
        this.ledger = ledger;
        this.policies = policies;
        this.work = work;
        this.threads = threads;
        this.audit = audit;
        this.clock = clock;
    }

    /** The node, its state and the attempt an operator's call started. */
    record Answer(long nodeId, String state, RepairView repair) {
    }

    Answer repair(long nodeId, RepairAction action, String gpu, String reason) {
        PlacedNode node = placement.node(nodeId);
        refuseUnderWay(node);
        Optional<Repair> waiting = ledger.latestWith(nodeId, RepairStatus.WAITING);
        Condition condition = gpu != null || waiting.isEmpty() ? Condition.byHand(gpu) : waiting.get().condition();
        if (action == RepairAction.GPU_RESET && "-".equals(condition.subject())) {
            throw new InvalidInputException("gpu", "is required for GPU_RESET: the bus id of the GPU to reset");
        }
        String actor = CurrentActor.name();
        drain(node, actor, reason);
        long id = ledger.open(new RepairLedger.NewRepair(nodeId, condition, waiting.map(Repair::healthEventId).orElse(null),
                List.of(RepairAction.DRAIN, action), 0, checks(node, waiting), actor, reason, null, null, RepairStatus.PENDING),
                clock.instant());
        waiting.ifPresent(w -> ledger.ended(w.id(), new RepairResult(RepairResult.Kind.SKIPPED, "taken over by repair #" + id
                + " by " + actor), clock.instant()));
        audit.recordInTenant(node.pool().tenantId(), "node.repair-requested", "node", nodeId, "Node " + node.ip() + ": " + action
                + " asked" + (reason == null || reason.isBlank() ? "" : ": " + reason), null, Map.of("repairId", id, "action", action.name()));
        AfterCommit.run(() -> threads.carry(id));
        return new Answer(nodeId, states.state(nodeId), RepairView.of(ledger.get(id).orElseThrow()));
    }

    /** Outside a transaction: the re-acceptance's job and run commit on their own, and a refusal of them is recorded. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Answer giveBack(long nodeId, String reason) {
        PlacedNode node = placement.node(nodeId);
        String state = states.state(nodeId);
        if (!RepairWork.NODE_STATE_REPAIR.equals(state)) {
            throw new ConflictException("Node " + node.ip() + " is " + state + ", not REPAIR: only a node in REPAIR returns, and only"
                    + " through a passing re-acceptance", Map.of("from", state, "to", "TESTING"));
        }
        refuseUnderWay(node);
        Optional<Repair> latest = ledger.latest(nodeId);
        String actor = CurrentActor.name();
        long id = ledger.open(new RepairLedger.NewRepair(nodeId, latest.map(Repair::condition).orElse(Condition.byHand(null)),
                latest.map(Repair::healthEventId).orElse(null), latest.map(Repair::chain).orElse(List.of()),
                latest.map(Repair::escalateAfter).orElse(0), checks(node, latest), actor, reason, null, null, RepairStatus.PENDING),
                clock.instant());
        Repair repair = ledger.get(id).orElseThrow();
        work.reaccept(node, repair, new RepairResult(RepairResult.Kind.SKIPPED, "no repair: returned by " + actor
                + (reason == null || reason.isBlank() ? "" : ": " + reason)));
        return new Answer(nodeId, states.state(nodeId), RepairView.of(ledger.get(id).orElseThrow()));
    }

    private void drain(PlacedNode node, String actor, String reason) {
        String state = states.state(node.id());
        if (!RepairWork.NODE_STATE_REPAIR.equals(state) && states.enterRepair(node.id(), actor, reason).isEmpty()) {
            throw new ConflictException("Node " + node.ip() + " cannot be drained for a repair from " + state
                    + ": only READY, TESTING, FAILED_TESTING and MAINTENANCE nodes can", Map.of("from", state, "to", "REPAIR"));
        }
    }

    private void refuseUnderWay(PlacedNode node) {
        ledger.underWay(node.id()).ifPresent(repair -> {
            throw new ConflictException("Node " + node.ip() + " has a repair under way (#" + repair.id() + ", " + repair.status()
                    + "): wait for it to end", Map.of("repairId", repair.id()));
        });
    }

    /** The checks of the attempt it follows, else those of the policy in force for the node's pool. */
    private List<String> checks(PlacedNode node, Optional<Repair> earlier) {
        return earlier.map(Repair::reacceptanceChecks).filter(checks -> !checks.isEmpty())
                .orElseGet(() -> policies.forPool(node.pool().id()).reacceptanceChecks());
    }
}
