package io.devops.platform.repair;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One attempt as the API shows it; {@code result} null while it runs, {@code runId} the re-acceptance run. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RepairView(long id, long nodeId, String component, String code, String subject, String action, Long runId, String actor,
                  String reason, Long policyId, Integer policyVersion, String status, String result, String detail,
                  Instant createdAt, Instant startedAt, Instant endedAt) {

    static RepairView of(Repair r) {
        return new RepairView(r.id(), r.nodeId(), r.condition().component(), r.condition().code(), r.condition().subject(),
                r.action() == null ? null : r.action().name(), r.runId(), r.actor(), r.reason(), r.policyId(), r.policyVersion(),
                r.status().name(), r.result() == null ? null : r.result().name(), r.detail(), r.createdAt(), r.startedAt(), r.endedAt());
    }
}
