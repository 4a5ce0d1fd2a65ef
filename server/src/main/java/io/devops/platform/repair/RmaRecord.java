package io.devops.platform.repair;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.devops.platform.health.HealthEvidence;
import io.devops.platform.lifecycle.LifecycleHistory;
import java.time.Instant;
import java.util.List;

/**
 * The record a vendor ticket needs: the node's identity with its serials ("unknown" where the agent
 * never reported one), the evidence, every repair and its result, and the lifecycle history.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RmaRecord(long nodeId, String ip, String gpuType, String state, String boardSerial, String productSerial, List<Gpu> gpus,
                 String gpusNote, List<HealthEvidence.Event> evidence, List<RepairView> repairs, List<LifecycleHistory.Move> lifecycle,
                 Instant generatedAt) {

    static final String UNKNOWN = "unknown";

    /** One GPU as the agent reported it; {@code serial} "unknown" when it did not. */
    record Gpu(String index, String busId, String uuid, String name, String serial) {
    }
}
