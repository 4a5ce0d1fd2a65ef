package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupPlannerTests {

    private static List<List<Long>> nodesOf(List<NodeGroup> plan, GroupScale scale) {
        return plan.stream().filter(group -> group.scale() == scale).map(NodeGroup::nodes).toList();
    }

    @Test
    void sixteenNodesMakeEightPairsFourGroupsOfFourAndThePool() {
        List<Long> nodes = java.util.stream.LongStream.rangeClosed(1, 16).boxed().toList();
        List<NodeGroup> plan = GroupPlanner.plan(nodes, 4);

        assertThat(nodesOf(plan, GroupScale.PAIR)).hasSize(8).first().isEqualTo(List.of(1L, 2L));
        assertThat(nodesOf(plan, GroupScale.GROUP)).containsExactly(List.of(1L, 2L, 3L, 4L), List.of(5L, 6L, 7L, 8L),
                List.of(9L, 10L, 11L, 12L), List.of(13L, 14L, 15L, 16L));
        assertThat(nodesOf(plan, GroupScale.ALL)).containsExactly(nodes);
    }

    @Test
    void theOddOneOutIsPairedWithItsNeighbourAndAShortGroupFillsUpFromTheOneBefore() {
        List<NodeGroup> plan = GroupPlanner.plan(List.of(1L, 2L, 3L, 4L, 5L), 4);

        assertThat(nodesOf(plan, GroupScale.PAIR)).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(4L, 5L));
        assertThat(nodesOf(plan, GroupScale.GROUP)).containsExactly(List.of(1L, 2L, 3L, 4L), List.of(2L, 3L, 4L, 5L));
    }

    @Test
    void twoNodesRunOnceAsAPair() {
        assertThat(GroupPlanner.plan(List.of(7L, 9L), 4)).containsExactly(new NodeGroup(GroupScale.PAIR, List.of(7L, 9L)));
    }

    @Test
    void aPoolNoLargerThanTheGroupSizeHasNoGroupScale() {
        assertThat(nodesOf(GroupPlanner.plan(List.of(1L, 2L, 3L, 4L), 4), GroupScale.GROUP)).isEmpty();
    }

    @Test
    void oneNodeOrARepeatedNodeIsRefused() {
        assertThatThrownBy(() -> GroupPlanner.plan(List.of(1L), 4)).hasMessageContaining("at least 2 nodes");
        assertThatThrownBy(() -> GroupPlanner.plan(List.of(1L, 1L), 4)).hasMessageContaining("repeats");
    }
}
