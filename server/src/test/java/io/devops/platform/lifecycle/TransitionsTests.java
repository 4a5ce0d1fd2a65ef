package io.devops.platform.lifecycle;

import static io.devops.platform.lifecycle.NodeState.BROKEN;
import static io.devops.platform.lifecycle.NodeState.COMMISSIONING;
import static io.devops.platform.lifecycle.NodeState.DELIVERED;
import static io.devops.platform.lifecycle.NodeState.FAILED_TESTING;
import static io.devops.platform.lifecycle.NodeState.MAINTENANCE;
import static io.devops.platform.lifecycle.NodeState.NEW;
import static io.devops.platform.lifecycle.NodeState.READY;
import static io.devops.platform.lifecycle.NodeState.RELEASING;
import static io.devops.platform.lifecycle.NodeState.TESTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of states, against the lifecycle as the issue states it (written out here, not read from the table). */
class TransitionsTests {

    private static final Map<NodeState, Set<NodeState>> EXPECTED = new EnumMap<>(Map.of(
            NEW, EnumSet.of(COMMISSIONING, BROKEN, MAINTENANCE),
            COMMISSIONING, EnumSet.of(TESTING, FAILED_TESTING, BROKEN, MAINTENANCE),
            TESTING, EnumSet.of(READY, FAILED_TESTING, BROKEN, MAINTENANCE),
            READY, EnumSet.of(TESTING, DELIVERED, BROKEN, MAINTENANCE),
            FAILED_TESTING, EnumSet.of(TESTING, COMMISSIONING, BROKEN, MAINTENANCE),
            DELIVERED, EnumSet.of(RELEASING, BROKEN, MAINTENANCE),
            RELEASING, EnumSet.of(NEW, BROKEN, MAINTENANCE),
            BROKEN, EnumSet.of(TESTING, NEW, MAINTENANCE),
            MAINTENANCE, EnumSet.of(TESTING, NEW, BROKEN)));

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
        assertThat(allowed + forbidden).isEqualTo(81);
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
