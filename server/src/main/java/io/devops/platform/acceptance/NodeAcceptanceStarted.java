package io.devops.platform.acceptance;

import java.time.Instant;

/** Published when a run starts a step with acceptance checks on a node: the lifecycle moves it to TESTING. */
public record NodeAcceptanceStarted(long nodeId, long runId, Instant at) {
}
