package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GroupBisectionTests {

    private static final double HEALTHY = 360.0;
    private static final double LINE = 340.0;

    /** A fabric where a group's busbw is its slowest member's speed, as a real all_reduce's is. */
    private static final class SlowestMember implements GroupBisection.GroupRunner {
        private final Map<Long, Double> speeds = new HashMap<>();
        private final List<NodeGroup> ran = new ArrayList<>();
        private final Map<Integer, Boolean> lineForSize = new HashMap<>();

        SlowestMember(List<Long> nodes) {
            nodes.forEach(node -> speeds.put(node, HEALTHY));
        }

        SlowestMember at(long node, double speed) {
            speeds.put(node, speed);
            return this;
        }

        SlowestMember noLineFor(int size) {
            lineForSize.put(size, false);
            return this;
        }

        @Override
        public CheckResult run(NodeGroup group) {
            ran.add(group);
            double measured = group.nodes().stream().mapToDouble(speeds::get).min().orElseThrow();
            if (!lineForSize.getOrDefault(group.size(), true)) {
                return CheckResult.error(NcclAllReduceMultiCheck.NAME, "no line for " + group.size() + " nodes of H100: add one");
            }
            CheckVerdict verdict = measured >= LINE ? CheckVerdict.PASS : CheckVerdict.FAIL;
            return CheckResult.measured(NcclAllReduceMultiCheck.NAME, verdict, measured, LINE, "GB/s", measured + " GB/s");
        }
    }

    private static List<Long> nodes(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }

    private static GroupOutcome bisect(List<Long> nodes, SlowestMember fabric) {
        return GroupBisection.run(GroupPlanner.plan(nodes, GroupPlanner.DEFAULT_GROUP_SIZE), fabric, String::valueOf);
    }

    private static void assertEveryOtherNodePasses(GroupOutcome outcome, List<Long> slow) {
        outcome.verdicts().forEach((node, result) -> {
            if (!slow.contains(node)) {
                assertThat(result.verdict()).as("node " + node + ": " + result.message()).isEqualTo(CheckVerdict.PASS);
            }
        });
    }

    @Test
    void oneNodeAtHalfSpeedAmongSixteenIsNamedWithinLog2NPlusTwoExtraRunsAndNoHealthyNodeFails() {
        List<Long> nodes = nodes(16);
        GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(11, HEALTHY / 2));

        assertThat(outcome.extraRuns()).isPositive().isLessThanOrEqualTo(GroupBisection.ceilLog2(16) + 2);
        assertThat(outcome.verdicts().get(11L).verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(outcome.verdicts().get(11L).reason()).isEqualTo(FailureReason.THRESHOLD);
        assertThat(outcome.verdicts().get(11L).message()).startsWith("named slow by the bisection: run #");
        assertEveryOtherNodePasses(outcome, List.of(11L));
    }

    @Test
    void withoutAPairLineTheSlowNodeIsStillNamedWithinTheBoundAndThePairScaleIsAnErrorNeverAPass() {
        List<Long> nodes = nodes(16);
        GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(6, HEALTHY / 2).noLineFor(2));

        assertThat(outcome.extraRuns()).isLessThanOrEqualTo(GroupBisection.ceilLog2(16) + 2);
        assertThat(outcome.verdicts().get(6L).message()).startsWith("named slow by the bisection");
        assertThat(outcome.verdicts().get(1L).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(outcome.verdicts().get(1L).message()).contains("no line for 2 nodes");
    }

    @Test
    void anySingleSlowNodeOfSixteenIsNamedWithinTheBoundWhereverItSits() {
        List<Long> nodes = nodes(16);
        for (long slow : nodes) {
            GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(slow, HEALTHY / 2));

            assertThat(outcome.extraRuns()).as("slow node " + slow).isLessThanOrEqualTo(6);
            assertThat(outcome.verdicts().values().stream().filter(result -> !result.verdict().passes()).toList())
                    .as("slow node " + slow).hasSize(1);
            assertThat(outcome.verdicts().get(slow).message()).startsWith("named slow");
        }
    }

    @Test
    void twoSlowNodesInOnePairAreBothNamed() {
        List<Long> nodes = nodes(16);
        GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(3, 100).at(4, 200));

        assertThat(outcome.verdicts().get(3L).message()).startsWith("named slow");
        assertThat(outcome.verdicts().get(4L).message()).startsWith("named slow");
        assertEveryOtherNodePasses(outcome, List.of(3L, 4L));
    }

    @Test
    void twoSlowNodesInDifferentGroupsAreBothNamed() {
        List<Long> nodes = nodes(16);
        GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(2, 100).at(13, 200));

        assertThat(outcome.verdicts().entrySet().stream().filter(entry -> !entry.getValue().verdict().passes())
                .map(Map.Entry::getKey).toList()).containsExactlyInAnyOrder(2L, 13L);
    }

    @Test
    void allHealthyNodesPassWithNoExtraRun() {
        List<Long> nodes = nodes(16);
        SlowestMember fabric = new SlowestMember(nodes);
        GroupOutcome outcome = bisect(nodes, fabric);

        assertThat(outcome.extraRuns()).isZero();
        assertThat(fabric.ran).hasSize(8 + 4 + 1);
        assertThat(outcome.verdicts().values()).allSatisfy(result -> assertThat(result.verdict()).isEqualTo(CheckVerdict.PASS));
    }

    @Test
    void anOddPoolNamesItsSlowOddOneOut() {
        List<Long> nodes = nodes(7);
        GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(7, HEALTHY / 2));

        assertThat(outcome.verdicts().get(7L).message()).startsWith("named slow");
        assertEveryOtherNodePasses(outcome, List.of(7L));
    }

    @Test
    void twoNodesWithOneSlowBothFailBecauseNoClearedNodeCanIsolateIt() {
        List<Long> nodes = nodes(2);
        GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(2, HEALTHY / 2));

        assertThat(outcome.runs()).hasSize(1);
        assertThat(outcome.verdicts().values()).allSatisfy(result -> {
            assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
            assertThat(result.message()).startsWith("could not be isolated").contains("no node cleared by a passing group");
        });
    }

    @Test
    void aBisectionRunThatFailsToMeasureLeavesItsSuspectsInErrorNeverPassing() {
        List<Long> nodes = nodes(8);
        SlowestMember fabric = new SlowestMember(nodes).at(5, HEALTHY / 2);
        GroupBisection.GroupRunner failingExtraRuns = new GroupBisection.GroupRunner() {
            private int count;

            @Override
            public CheckResult run(NodeGroup group) {
                return ++count <= 7 ? fabric.run(group) : CheckResult.error(NcclAllReduceMultiCheck.NAME, "mpirun exited 1");
            }
        };
        GroupOutcome outcome = GroupBisection.run(GroupPlanner.plan(nodes, 4), failingExtraRuns, String::valueOf);

        assertThat(outcome.verdicts().get(5L).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(outcome.verdicts().get(6L).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(outcome.verdicts().get(5L).message()).contains("could not be isolated").contains("mpirun exited 1");
    }

    @Test
    void theBisectionRunsPadTheSuspectsWithClearedNodesToTheLowGroupsSize() {
        List<Long> nodes = nodes(16);
        GroupOutcome outcome = bisect(nodes, new SlowestMember(nodes).at(9, HEALTHY / 2));

        List<GroupRun> extra = outcome.runs().stream().filter(run -> run.round() > 0).toList();
        assertThat(extra).isNotEmpty().allSatisfy(run -> assertThat(run.group().size()).isEqualTo(2));
        assertThat(extra.get(0).suspects()).containsExactly(9L);
        assertThat(outcome.runs().get(4).suspects()).containsExactly(9L, 10L);
    }
}
