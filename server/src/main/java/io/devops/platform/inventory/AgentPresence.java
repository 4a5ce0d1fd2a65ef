package io.devops.platform.inventory;

import java.time.Instant;

/** Whether a node's agent has been heard from lately; null on nodes no agent ever reported for. */
record AgentPresence(Status status, Instant lastSeenAt) {

    enum Status { ONLINE, OFFLINE }
}
