package io.devops.platform.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One condition of one node as the API shows it, every field always present. {@code policyVersion}
 * and {@code action} are those of its latest decision (the policy version, and the outcome such as
 * DRAINED or RECOMMENDED), null until one is made.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record HealthEventView(long id, long nodeId, String component, String code, String subject, String severity, String message,
                       String evidence, Instant firstSeen, Instant lastSeen, long count, boolean open, Long policyVersion,
                       String action) {
}
