package io.devops.platform.repair;

import io.devops.platform.health.RepairHistory;
import java.util.List;
import org.springframework.stereotype.Service;

/** health's {@link RepairHistory} on the ledger: every attempt that chose an action, oldest first. */
@Service
class LedgerHistory implements RepairHistory {

    private final RepairLedger ledger;

    LedgerHistory(RepairLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<Entry> ofNode(long nodeId) {
        return ledger.ofNode(nodeId).stream().filter(repair -> repair.action() != null)
                .map(repair -> new Entry(repair.id(), repair.action(), repair.runId(),
                        repair.startedAt() == null ? repair.createdAt() : repair.startedAt(),
                        repair.result() == null ? repair.status().name() : repair.result().name(), repair.detail(), repair.actor()))
                .toList();
    }
}
