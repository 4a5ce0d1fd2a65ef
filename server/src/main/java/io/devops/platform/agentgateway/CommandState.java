package io.devops.platform.agentgateway;

import java.time.Instant;

/** A command as the run engine and the API see it. {@code outputChunks} counts the chunks received. */
public record CommandState(CommandId id, long nodeId, CommandStatus status, String scriptSha256, int timeoutSeconds,
                           Instant createdAt, String createdBy, Instant deliveredAt, Instant finishedAt,
                           Integer exitCode, Long durationMs, String message, String cancelRequestedBy) {
}
