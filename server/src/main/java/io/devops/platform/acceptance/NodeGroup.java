package io.devops.platform.acceptance;

import java.util.List;

/** The nodes (inventory ids, in host-list order) of one all_reduce run at one scale. */
record NodeGroup(GroupScale scale, List<Long> nodes) {

    NodeGroup {
        nodes = List.copyOf(nodes);
        if (nodes.size() < 2) {
            throw new IllegalArgumentException("a multi-node group needs at least 2 nodes, got " + nodes);
        }
    }

    int size() {
        return nodes.size();
    }
}
