package io.devops.platform.execution.run;

import java.time.Instant;
import java.util.List;

/**
 * Why a run had to wait for a second person, who asked, and the decision once taken
 * ({@code decision} APPROVED or REJECTED; null while the run is PENDING_APPROVAL).
 */
public record RunApproval(List<String> reasons, String requestedBy, Instant requestedAt, String decision, String decidedBy,
                          Instant decidedAt, String comment) {
}
