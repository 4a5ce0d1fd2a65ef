package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.PerfFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.MultiNodeScales.GroupReport;
import io.devops.platform.acceptance.MultiNodeScales.ScaledStep;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group runs judged from recorded all_reduce_perf outputs against the default lines (which exist for 2 nodes only). */
class MultiNodeScalesTests {

    private final MultiNodeScales scales = new MultiNodeScales(new NcclAllReduceMultiCheck(PerfFixtures.defaults()), null,
            Clock.systemUTC(), GroupPlanner.DEFAULT_GROUP_SIZE);

    private static ScaledStep step(List<Long> nodes) {
        return new ScaledStep(1L, 2L, nodes, id -> "10.0.0." + id, "H100", 8);
    }

    @Test
    void twoHealthyNodesPassOnOnePairRunAgainstTheTwoNodeLine() {
        GroupOutcome outcome = scales.outcome(step(List.of(1L, 2L)), nodes -> GroupReport.of(output("h100-8-healthy", "nccl_all_reduce_multi")));

        assertThat(outcome.runs()).hasSize(1);
        assertThat(outcome.runs().get(0).result().threshold()).isEqualTo(340.0);
        assertThat(outcome.verdicts().values()).allSatisfy(result -> assertThat(result.verdict()).isEqualTo(CheckVerdict.PASS));
    }

    @Test
    void theSlowNodeIsNamedFromItsPairsAndAScaleWithoutALineLeavesTheOthersInErrorNotPassing() {
        GroupOutcome outcome = scales.outcome(step(List.of(1L, 2L, 3L, 4L)), nodes -> GroupReport.of(nodes.size() == 4
                ? output("h100-8-healthy", "nccl_all_reduce_multi")
                : output(nodes.contains(3L) ? "h100-low-busbw" : "h100-8-healthy", "nccl_all_reduce_multi")));

        CheckResult slow = outcome.verdicts().get(3L);
        assertThat(slow.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(slow.message()).startsWith("named slow by the bisection: run #4 (PAIR 10.0.0.3, 10.0.0.1)");
        assertThat(outcome.extraRuns()).isEqualTo(2);
        for (long node : List.of(1L, 2L, 4L)) {
            assertThat(outcome.verdicts().get(node).verdict()).as("node " + node).isNotEqualTo(CheckVerdict.PASS);
            assertThat(outcome.verdicts().get(node).message()).as("node " + node).contains("ALL").contains("4 nodes");
        }
    }

    @Test
    void aGroupWhoseReportDidNotArriveLeavesItsNodesMissingEvidenceNeverPassing() {
        GroupOutcome outcome = scales.outcome(step(List.of(1L, 2L)), nodes -> GroupReport.missing("mpirun exited with 1"));

        assertThat(outcome.verdicts().values()).allSatisfy(result -> {
            assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
            assertThat(result.reason()).isEqualTo(FailureReason.MISSING_EVIDENCE);
            assertThat(result.message()).contains("no report from the group's run: mpirun exited with 1");
        });
        assertThat(outcome.extraRuns()).isZero();
    }
}
