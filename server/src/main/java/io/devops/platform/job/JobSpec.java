package io.devops.platform.job;

import java.util.List;
import java.util.Locale;

/**
 * A job as catalog as code holds it: names, never ids. Each item is a template (the name of its
 * live lineage) at a pinned {@code version} (null: the newest) with its targets: nodes by address
 * and node pools by name.
 */
public record JobSpec(String name, String comments, String failurePolicy, List<JobParameter> parameters,
                      List<Item> items) {

    /** As the platform stores it: no policy is STOP_NODE. */
    public JobSpec {
        failurePolicy = failurePolicy == null || failurePolicy.isBlank() ? JobVersion.FailurePolicy.STOP_NODE.name()
                : failurePolicy.trim().toUpperCase(Locale.ROOT);
        parameters = parameters.stream().map(JobsAsCode::normalised).toList();
    }

    public record Item(String template, Integer version, List<Target> targets) {
    }

    /** {@code type}: node (by its IP address) or pool (by its name). */
    public record Target(String type, String name) {

        public static final String NODE = "node";
        public static final String POOL = "pool";

        @Override
        public String toString() {
            return type + " " + name;
        }
    }
}
