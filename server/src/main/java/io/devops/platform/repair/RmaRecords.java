package io.devops.platform.repair;

import io.devops.platform.health.HealthEvidence;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.lifecycle.LifecycleHistory;
import io.devops.platform.lifecycle.RepairStates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Builds a node's RMA record from its agent facts, health events, repairs and lifecycle; scoped like the node. */
@Service
class RmaRecords {

    private final NodePlacement placement;
    private final RepairStates states;
    private final HealthEvidence evidence;
    private final LifecycleHistory history;
    private final RepairLedger ledger;
    private final Clock clock;

    RmaRecords(NodePlacement placement, RepairStates states, HealthEvidence evidence, LifecycleHistory history, RepairLedger ledger,
               Clock clock) {
        this.placement = placement;
        this.states = states;
        this.evidence = evidence;
        this.history = history;
        this.ledger = ledger;
        this.clock = clock;
    }

    RmaRecord of(long nodeId) {
        PlacedNode node = placement.node(nodeId);
        JsonNode facts = node.facts();
        List<RmaRecord.Gpu> gpus = gpus(facts);
        return new RmaRecord(node.id(), node.ip(), node.gpuType(), states.state(nodeId), text(facts, "system", "boardSerial"),
                text(facts, "system", "productSerial"), gpus,
                gpus.isEmpty() ? "unknown: the node's agent reported no GPUs" : null, evidence.ofNode(nodeId),
                ledger.ofNode(nodeId).stream().map(RepairView::of).toList(), history.of(nodeId), clock.instant());
    }

    private static List<RmaRecord.Gpu> gpus(JsonNode facts) {
        List<RmaRecord.Gpu> gpus = new ArrayList<>();
        JsonNode devices = facts == null ? null : facts.path("gpu").path("devices");
        if (devices != null && devices.isArray()) {
            devices.forEach(gpu -> gpus.add(new RmaRecord.Gpu(value(gpu.get("index")), value(gpu.get("busId")), value(gpu.get("uuid")),
                    value(gpu.get("name")), value(gpu.get("serial")))));
        }
        return gpus;
    }

    private static String text(JsonNode facts, String object, String field) {
        return facts == null ? RmaRecord.UNKNOWN : value(facts.path(object).get(field));
    }

    private static String value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return RmaRecord.UNKNOWN;
        }
        String text = node.isString() ? node.asString() : node.toString();
        return text.isBlank() ? RmaRecord.UNKNOWN : text;
    }
}
