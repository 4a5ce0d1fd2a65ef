package io.devops.platform.acceptance;

import java.time.Instant;

/**
 * Published when a run that judged acceptance checks on a node has finished with it: {@code verdict}
 * is the worst of its checks in that run (a check that was due and left no verdict counts as ERROR),
 * {@code reason} names the failing checks. The lifecycle moves the node to READY or FAILED_TESTING.
 */
public record NodeAcceptanceConcluded(long nodeId, long runId, CheckVerdict verdict, String reason, Instant at) {
}
