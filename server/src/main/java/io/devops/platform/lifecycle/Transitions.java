package io.devops.platform.lifecycle;

import static io.devops.platform.lifecycle.NodeState.BROKEN;
import static io.devops.platform.lifecycle.NodeState.COMMISSIONING;
import static io.devops.platform.lifecycle.NodeState.DELIVERED;
import static io.devops.platform.lifecycle.NodeState.FAILED_TESTING;
import static io.devops.platform.lifecycle.NodeState.MAINTENANCE;
import static io.devops.platform.lifecycle.NodeState.NEW;
import static io.devops.platform.lifecycle.NodeState.READY;
import static io.devops.platform.lifecycle.NodeState.RELEASING;
import static io.devops.platform.lifecycle.NodeState.REPAIR;
import static io.devops.platform.lifecycle.NodeState.RMA;
import static io.devops.platform.lifecycle.NodeState.TESTING;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed-transition table, the only place that decides whether a node may go from one state
 * to another. Every state may also go to BROKEN or MAINTENANCE (with a reason). A released node
 * goes back to NEW: a tenant may have changed anything on it, so it is commissioned and tested again
 * before its next delivery.
 */
final class Transitions {

    private static final Map<NodeState, Set<NodeState>> ALLOWED = table();

    private Transitions() {
    }

    private static Map<NodeState, Set<NodeState>> table() {
        Map<NodeState, Set<NodeState>> table = new EnumMap<>(NodeState.class);
        table.put(NEW, EnumSet.of(COMMISSIONING));
        table.put(COMMISSIONING, EnumSet.of(TESTING, FAILED_TESTING));
        table.put(TESTING, EnumSet.of(READY, FAILED_TESTING, REPAIR));
        // Retest; and recommission once the hardware or the pool's spec was fixed.
        table.put(FAILED_TESTING, EnumSet.of(TESTING, COMMISSIONING, REPAIR));
        table.put(READY, EnumSet.of(TESTING, DELIVERED, REPAIR));
        table.put(DELIVERED, EnumSet.of(RELEASING));
        table.put(RELEASING, EnumSet.of(NEW));
        table.put(BROKEN, EnumSet.of(TESTING, NEW));
        table.put(MAINTENANCE, EnumSet.of(TESTING, NEW, REPAIR));
        // A repaired node earns READY again only through a passing re-acceptance (TESTING).
        table.put(REPAIR, EnumSet.of(TESTING, RMA));
        table.put(RMA, EnumSet.of(NEW));
        for (NodeState from : NodeState.values()) {
            Set<NodeState> targets = table.get(from);
            EnumSet.of(BROKEN, MAINTENANCE).stream().filter(out -> out != from).forEach(targets::add);
            table.put(from, Collections.unmodifiableSet(targets));
        }
        return Collections.unmodifiableMap(table);
    }

    static boolean permits(NodeState from, NodeState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Where a node in {@code from} may go, in the order of the states. */
    static Set<NodeState> from(NodeState from) {
        return ALLOWED.get(from);
    }
}
