package io.devops.platform.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** One recorded move of a node's state ({@code from} null for the first); {@code override}: an ADMIN passed the gate. */
record Transition(@JsonIgnore long nodeId, NodeState from, NodeState to, Instant at, String actor, Long runId, String reason,
                  boolean override) {
}
