package io.devops.platform.lifecycle;

import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The burn-in tiers a node reached, one per run: a run reaches the highest tier whose checks all
 * passed (PASS or WARN) on the node in that run, and none when any of the node's verdicts in that run
 * did not pass, and DCGM ran at least at the tier's level (its report says which; unsaid is level 1).
 * Its time is that of its last verdict, when the run's evidence was complete.
 */
final class TierEvidence {

    /** A run that reached {@code tier} on the node, judged at {@code at}. */
    record Reached(long runId, BurnInTier tier, Instant at) {
    }

    private TierEvidence() {
    }

    /** The runs of {@code verdicts} (one node's) that reached a tier, newest first. */
    static List<Reached> of(List<NodeVerdict> verdicts) {
        Map<Long, List<NodeVerdict>> byRun = verdicts.stream()
                .collect(Collectors.groupingBy(NodeVerdict::runId, LinkedHashMap::new, Collectors.toList()));
        return byRun.entrySet().stream().map(run -> reached(run.getKey(), run.getValue())).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Reached::at).reversed()).toList();
    }

    /** The newest run that reached at least {@code needed}. */
    static Optional<Reached> newestAtLeast(List<Reached> reached, BurnInTier needed) {
        return reached.stream().filter(run -> run.tier().satisfies(needed)).findFirst();
    }

    private static Optional<Reached> reached(long runId, List<NodeVerdict> verdicts) {
        if (verdicts.stream().anyMatch(verdict -> !verdict.result().verdict().passes())) {
            return Optional.empty();
        }
        Set<String> passed = verdicts.stream().map(verdict -> verdict.result().check()).collect(Collectors.toSet());
        int dcgmLevel = verdicts.stream().filter(verdict -> verdict.result().check().equals(BurnInTier.LEVELLED_CHECK))
                .map(NodeVerdict::level).filter(Objects::nonNull).mapToInt(Integer::intValue).min().orElse(1);
        Instant at = verdicts.stream().map(NodeVerdict::at).max(Comparator.naturalOrder()).orElseThrow();
        return BurnInTier.reachedBy(passed, dcgmLevel).map(tier -> new Reached(runId, tier, at));
    }
}
