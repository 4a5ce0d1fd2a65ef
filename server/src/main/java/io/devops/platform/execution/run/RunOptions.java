package io.devops.platform.execution.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.devops.platform.shared.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a start asked for beyond the job itself: which of its nodes ({@code limit}, {@code exclude}),
 * extra variables for Ansible, a dry run ({@code checkMode}), how many nodes at once ({@code
 * batchSize}, Ansible's {@code serial}) and whether locked nodes are skipped rather than refusing.
 */
public record RunOptions(Selector limit, Selector exclude, Map<String, Object> extraVars, boolean checkMode, Integer batchSize,
                         boolean skipLocked) {

    public static final int MAX_BATCH_SIZE = 10_000;
    public static final RunOptions NONE = new RunOptions(Selector.NONE, Selector.NONE, Map.of(), false, null, false);

    /** Names whose values are never shown back (a password given as an extra variable stays in the run only). */
    private static final Pattern SECRET = Pattern.compile("(?i).*(pass|secret|token|key|credential|auth).*");

    public RunOptions {
        limit = limit == null ? Selector.NONE : limit;
        exclude = exclude == null ? Selector.NONE : exclude;
        extraVars = extraVars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraVars));
        if (batchSize != null && (batchSize < 1 || batchSize > MAX_BATCH_SIZE)) {
            throw new InvalidInputException("batchSize", "must be between 1 and " + MAX_BATCH_SIZE + " nodes at once, not " + batchSize);
        }
    }

    /** Whether this start asked for nothing beyond the job: it then behaves exactly as a plain start. */
    @JsonIgnore
    public boolean isDefault() {
        return limit.isEmpty() && exclude.isEmpty() && extraVars.isEmpty() && !checkMode && batchSize == null && !skipLocked;
    }

    /**
     * What a re-run of the failed nodes keeps: a dry run's re-run is a dry run, with the same
     * variables and batch size; the nodes are the failed ones, so no limit, exclusion or skip.
     */
    public RunOptions forRerun() {
        return new RunOptions(Selector.NONE, Selector.NONE, extraVars, checkMode, batchSize, false);
    }

    public RunOptions withExtraVars(Map<String, Object> checked) {
        return new RunOptions(limit, exclude, checked, checkMode, batchSize, skipLocked);
    }

    /** The extra variables as the run's page shows them: a secret-looking name's value is never echoed. */
    public Map<String, Object> shownExtraVars() {
        Map<String, Object> shown = new LinkedHashMap<>();
        extraVars.forEach((name, value) -> shown.put(name, isSecret(name) ? "******" : value));
        return shown;
    }

    public static boolean isSecret(String name) {
        return SECRET.matcher(name).matches();
    }

    /**
     * Nodes by id, by pool or by labels (a node matches when it carries every label, on itself or its
     * pool); a node matches the selector when it matches any of the parts given.
     */
    public record Selector(List<Long> nodeIds, Map<String, String> labels, List<Long> poolIds) {

        public static final Selector NONE = new Selector(List.of(), Map.of(), List.of());

        public Selector {
            nodeIds = nodeIds == null ? List.of() : List.copyOf(nodeIds);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            poolIds = poolIds == null ? List.of() : List.copyOf(poolIds);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return nodeIds.isEmpty() && labels.isEmpty() && poolIds.isEmpty();
        }
    }
}
