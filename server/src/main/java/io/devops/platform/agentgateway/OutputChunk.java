package io.devops.platform.agentgateway;

import java.time.Instant;

/** One numbered piece of a command's output; {@code stream} is stdout or stderr. */
public record OutputChunk(int seq, String stream, String content, Instant receivedAt) {
}
