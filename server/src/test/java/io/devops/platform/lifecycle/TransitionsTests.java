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
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of states, against the lifecycle as the issue states it (written out here, not read from the table). */
class TransitionsTests {

    private static final Map<NodeState, Set<NodeState>> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(NEW, EnumSet.of(COMMISSIONING, BROKEN, MAINTENANCE)),
            Map.entry(COMMISSIONING, EnumSet.of(TESTING, FAILED_TESTING, BROKEN, MAINTENANCE)),
            Map.entry(TESTING, EnumSet.of(READY, FAILED_TESTING, REPAIR, BROKEN, MAINTENANCE)),
            Map.entry(READY, EnumSet.of(TESTING, DELIVERED, REPAIR, BROKEN, MAINTENANCE)),
            Map.entry(FAILED_TESTING, EnumSet.of(TESTING, COMMISSIONING, REPAIR, BROKEN, MAINTENANCE)),
            Map.entry(DELIVERED, EnumSet.of(RELEASING, BROKEN, MAINTENANCE)),
            Map.entry(RELEASING, EnumSet.of(NEW, BROKEN, MAINTENANCE)),
            Map.entry(BROKEN, EnumSet.of(TESTING, NEW, MAINTENANCE)),
            Map.entry(MAINTENANCE, EnumSet.of(TESTING, NEW, REPAIR, BROKEN)),
            // Out of repair only through re-acceptance or to the vendor; a replaced part starts over.
            Map.entry(REPAIR, EnumSet.of(TESTING, RMA, BROKEN, MAINTENANCE)),
            Map.entry(RMA, EnumSet.of(NEW, BROKEN, MAINTENANCE))));

    @Test
    void everyAllowedTransitionIsPermittedAndEveryOtherForbidden() {
        int allowed = 0;
        int forbidden = 0;
        for (NodeState from : NodeState.values()) {
            for (NodeState to : NodeState.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertThat(Transitions.permits(from, to)).as(from + " -> " + to).isEqualTo(expected);
                if (expected) {
                    allowed++;
                } else {
                    forbidden++;
                }
            }
        }
        assertThat(allowed).isEqualTo(EXPECTED.values().stream().mapToInt(Set::size).sum());
        assertThat(allowed + forbidden).isEqualTo(121);
    }

    @Test
    void everyStateCanBeTakenOutOfServiceButNeverIntoItself() {
        for (NodeState from : NodeState.values()) {
            assertThat(Transitions.permits(from, from)).as(from + " -> itself").isFalse();
            EnumSet.of(BROKEN, MAINTENANCE).stream().filter(out -> out != from)
                    .forEach(out -> assertThat(Transitions.permits(from, out)).as(from + " -> " + out).isTrue());
        }
    }

    @Test
    void onlyAReadyNodeIsDeliveredAndOnlyADeliveredOneReleased() {
        for (NodeState from : NodeState.values()) {
            assertThat(Transitions.permits(from, DELIVERED)).as(from + " -> DELIVERED").isEqualTo(from == READY);
            assertThat(Transitions.permits(from, RELEASING)).as(from + " -> RELEASING").isEqualTo(from == DELIVERED);
        }
    }

    @Test
    void aForbiddenTransitionNamesBothStatesAndWhereTheNodeMayGo() {
        ForbiddenTransition refusal = new ForbiddenTransition("Node 127.0.0.9", NEW, READY);

        assertThat(refusal.getMessage()).isEqualTo("Node 127.0.0.9 cannot go from NEW to READY: from NEW it may go to"
                + " COMMISSIONING, BROKEN, MAINTENANCE");
        assertThat(refusal.properties()).containsEntry("from", "NEW").containsEntry("to", "READY");
    }
}
