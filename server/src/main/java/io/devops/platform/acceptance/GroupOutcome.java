package io.devops.platform.acceptance;

import java.util.List;
import java.util.Map;

/** What a multi-node test at scales found: every group run in order, each node's verdict, and how many runs the bisection added. */
record GroupOutcome(List<GroupRun> runs, Map<Long, CheckResult> verdicts, int extraRuns) {
}
