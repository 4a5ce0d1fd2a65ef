package io.devops.platform.notify;

import java.time.Instant;
import java.util.List;

/**
 * What a delivery tells, as data: stored with the delivery when the event happens, written out in
 * the channel's language when it is sent. Run events fill the run's fields, a failed acceptance the
 * node's too; a test message only {@code event} and {@code at}.
 */
record Message(NotificationEvent event, Instant at, Long runId, Long jobId, String jobName, String status, Long durationMs,
               Integer nodeCount, Integer failedNodeCount, List<FailedNode> failedNodes, Long nodeId, String nodeIp,
               String verdict, String reason, String link) {

    Message {
        failedNodes = failedNodes == null ? List.of() : List.copyOf(failedNodes);
    }

    /** A node that did not get through: where it stopped and why. */
    record FailedNode(String ip, String hostname, String step, String status, String message) {
    }

    static Message test(Instant at) {
        return new Message(NotificationEvent.TEST, at, null, null, null, null, null, null, null, List.of(), null, null, null, null,
                null);
    }
}
