package io.devops.platform.health;

import java.time.Instant;
import java.util.List;

/**
 * Public API, implemented by the repair module: the repairs a node has had, newest last, for its
 * health page ({@code GET /nodes/{id}/health}). The health module asks for it through an
 * {@code ObjectProvider}, so that it depends on nothing of the repair module.
 */
public interface RepairHistory {

    List<Entry> ofNode(long nodeId);

    /** One repair: its action, the run that did it (if any), when it started, and its result. */
    record Entry(long id, RepairAction action, Long runId, Instant at, String result, String detail, String actor) {
    }
}
