package io.devops.platform.repair;

import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.lifecycle.RepairStates;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows a repaired node's re-acceptance: once the lifecycle has judged it (READY or
 * FAILED_TESTING), the attempt ends saying so; a failure drains the node again and opens the next
 * attempt (the chain's next action, or RMA).
 */
@Component
class ReacceptanceFollower {

    private static final Duration JUDGED_WITHIN = Duration.ofSeconds(30);

    private final RepairLedger ledger;
    private final RepairStates states;
    private final RepairWork work;
    private final RepairThreads threads;

    ReacceptanceFollower(RepairLedger ledger, RepairStates states, RepairWork work, RepairThreads threads) {
        this.ledger = ledger;
        this.states = states;
        this.work = work;
        this.threads = threads;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(NodeAcceptanceConcluded concluded) {
        threads.run(() -> ledger.reacceptedBy(concluded.nodeId(), concluded.runId()).ifPresent(repair -> conclude(repair, concluded)));
    }

    private void conclude(Repair repair, NodeAcceptanceConcluded concluded) {
        String state = judgedState(repair.nodeId());
        String run = "re-acceptance run " + concluded.runId() + ": " + concluded.verdict()
                + (concluded.reason() == null || concluded.reason().isBlank() ? "" : " (" + concluded.reason() + ")");
        if (!ledger.concluded(repair.id(), repair.detail() + "; " + run + "; node " + state)) {
            return;
        }
        if ("FAILED_TESTING".equals(state)) {
            String why = run + " after " + repair.action();
            if (states.enterRepair(repair.nodeId(), repair.actor(), why).isPresent()) {
                work.next(repair, why);
            }
        }
    }

    /** The lifecycle's own follower moves the node after the same event; wait for it to have done so. */
    private String judgedState(long nodeId) {
        long deadline = System.nanoTime() + JUDGED_WITHIN.toNanos();
        String state = states.state(nodeId);
        while (("TESTING".equals(state) || "REPAIR".equals(state)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return state;
            }
            state = states.state(nodeId);
        }
        return state;
    }
}
