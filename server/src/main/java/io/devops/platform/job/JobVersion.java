package io.devops.platform.job;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One immutable version of a job, as runs execute it. */
public record JobVersion(long jobId, int version, long versionId, boolean latest, String name, String comments,
                         FailurePolicy failurePolicy, List<JobItem> items, Instant createdAt, String createdBy) {

    /** What a run does when a step fails on some node. */
    public enum FailurePolicy {
        /** Stop at the first failing step: later steps are skipped on every node. */
        STOP,
        /** Go on with the nodes that are still healthy; failed nodes drop out of later steps. */
        CONTINUE
    }

    /** A template version to run on targets; {@code sequence} starts at 1. */
    public record JobItem(int sequence, long templateId, String templateName, Integer templateVersion,
                          List<Target> targets) {
    }

    public record Target(TargetType type, long id) {
    }

    public enum TargetType {
        NODE, NODE_POOL;

        @com.fasterxml.jackson.annotation.JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static TargetType parse(String text) {
            for (TargetType type : values()) {
                if (type.apiName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return type;
                }
            }
            throw new io.devops.platform.shared.InvalidInputException("type", "must be node or node_pool, not '" + text + "'");
        }
    }
}
