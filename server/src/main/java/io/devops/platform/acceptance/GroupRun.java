package io.devops.platform.acceptance;

import java.util.List;

/**
 * One all_reduce run of a group and its judgement, a row of a run's group table: its number in the
 * order it ran (from 1), the bisection round (0 for the planned scales, then 1, 2, ... for each run
 * the bisection added) and the suspects it tested (the nodes not yet cleared that it contains).
 */
record GroupRun(int number, NodeGroup group, CheckResult result, int round, List<Long> suspects) {

    GroupRun {
        suspects = List.copyOf(suspects);
    }

    /** Measured and below its line: what the bisection chases. Any other failure is not a speed. */
    boolean low() {
        return result.verdict() == CheckVerdict.FAIL && result.reason() == FailureReason.THRESHOLD;
    }

    boolean passes() {
        return result.verdict().passes();
    }

    GroupRun withSuspects(List<Long> newSuspects) {
        return new GroupRun(number, group, result, round, newSuspects);
    }
}
