package io.devops.platform.repair;

import static io.devops.platform.health.RepairAction.DRAIN;
import static io.devops.platform.health.RepairAction.GPU_RESET;
import static io.devops.platform.health.RepairAction.REBOOT;
import static io.devops.platform.health.RepairAction.RMA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepairPlanTests {

    private static final List<io.devops.platform.health.RepairAction> XID_79 = List.of(DRAIN, REBOOT, RMA);
    private static final List<io.devops.platform.health.RepairAction> REMAP = List.of(DRAIN, GPU_RESET, REBOOT, RMA);

    @Test
    void theNthRepairOfAConditionTakesTheChainsNthRepairAndTheLastOneAgainWhenShorter() {
        assertThat(RepairPlan.choose(REMAP, 0, 0, false)).contains(GPU_RESET);
        assertThat(RepairPlan.choose(REMAP, 0, 1, false)).contains(REBOOT);
        assertThat(RepairPlan.choose(REMAP, 0, 5, false)).contains(REBOOT);
    }

    @Test
    void aConditionBackAfterTheEscalationCountOfRepairsIsRma() {
        assertThat(RepairPlan.choose(XID_79, 2, 1, false)).contains(REBOOT);
        assertThat(RepairPlan.choose(XID_79, 2, 2, false)).contains(RMA);
        assertThat(RepairPlan.choose(List.of(DRAIN, REBOOT), 2, 2, false)).contains(RMA);
    }

    @Test
    void aChainWithoutRepairsIsRmaWhenItNamesRmaAndOtherwiseWaitsForAnOperator() {
        assertThat(RepairPlan.choose(List.of(DRAIN, RMA), 0, 0, false)).contains(RMA);
        assertThat(RepairPlan.choose(List.of(DRAIN), 0, 0, false)).isEqualTo(Optional.empty());
    }

    @Test
    void afterAFailedAttemptTheNextRepairFollowsAndPastTheLastComesRmaOrAnOperator() {
        assertThat(RepairPlan.choose(REMAP, 0, 1, true)).contains(REBOOT);
        assertThat(RepairPlan.choose(XID_79, 0, 1, true)).contains(RMA);
        assertThat(RepairPlan.choose(List.of(DRAIN, GPU_RESET), 0, 1, true)).isEmpty();
        assertThat(RepairPlan.choose(List.of(DRAIN, GPU_RESET), 3, 1, true)).contains(GPU_RESET);
    }
}
