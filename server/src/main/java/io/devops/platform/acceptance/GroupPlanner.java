package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the groups of a multi-node all_reduce over N nodes: disjoint pairs, disjoint groups of k, and
 * all N. A remainder too small for its scale is filled up from its neighbours (the odd one out of the
 * pairs runs with the node before it) so every group of a scale has the same size, and so the same
 * line. A group that repeats one already planned (N = 2: the pair is the pool) runs once.
 */
final class GroupPlanner {

    static final int DEFAULT_GROUP_SIZE = 4;

    private GroupPlanner() {
    }

    static List<NodeGroup> plan(List<Long> nodes, int groupSize) {
        if (new LinkedHashSet<>(nodes).size() != nodes.size()) {
            throw new IllegalArgumentException("the node list repeats a node: " + nodes);
        }
        if (nodes.size() < 2) {
            throw new IllegalArgumentException("a multi-node test needs at least 2 nodes, got " + nodes.size());
        }
        if (groupSize < 2) {
            throw new IllegalArgumentException("the group size must be at least 2, got " + groupSize);
        }
        List<NodeGroup> planned = new ArrayList<>();
        Set<Set<Long>> seen = new HashSet<>();
        chunks(nodes, 2).forEach(chunk -> add(planned, seen, new NodeGroup(GroupScale.PAIR, chunk)));
        if (groupSize > 2 && groupSize < nodes.size()) {
            chunks(nodes, groupSize).forEach(chunk -> add(planned, seen, new NodeGroup(GroupScale.GROUP, chunk)));
        }
        add(planned, seen, new NodeGroup(GroupScale.ALL, nodes));
        return List.copyOf(planned);
    }

    /** Consecutive chunks of {@code size}; the last one reaches back to be full. */
    private static List<List<Long>> chunks(List<Long> nodes, int size) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < nodes.size(); from += size) {
            int start = Math.min(from, nodes.size() - size);
            chunks.add(nodes.subList(start, start + size));
        }
        return chunks;
    }

    private static void add(List<NodeGroup> planned, Set<Set<Long>> seen, NodeGroup group) {
        if (seen.add(Set.copyOf(group.nodes()))) {
            planned.add(group);
        }
    }
}
