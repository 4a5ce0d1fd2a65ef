package io.devops.platform.job;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One immutable version of a job, as runs execute it. */
public record JobVersion(long jobId, int version, long versionId, boolean latest, String name, String comments,
                         FailurePolicy failurePolicy, List<JobItem> items, Instant createdAt, String createdBy,
                         List<JobParameter> parameters) {

    public JobVersion {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /**
     * What a run does when a step fails on some node. STOP_NODE (the default of a new job) and
     * CONTINUE behave the same: the failed node leaves the run, the healthy ones go on (Ansible's
     * own default); CONTINUE is the older name that jobs saved before STOP_NODE keep.
     */
    public enum FailurePolicy {
        /** A failed node drops out of the later steps; the other nodes go on. The default. */
        STOP_NODE,
        /** Stop at the first failing step: later steps are skipped on every node. */
        STOP,
        /** The same as STOP_NODE, under its older name. */
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
