package io.devops.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.DatabaseIndependent;
import org.junit.jupiter.api.Test;

/** The arithmetic of a policy's limits: the smaller of the node and percent caps, never below one node, and the hourly count. */
@DatabaseIndependent
class LimitCheckTests {

    @Test
    void thePercentCapRoundsDownButNeverBelowOneNode() {
        HealthLimits limits = new HealthLimits(100, 5, 10);

        assertThat(LimitCheck.poolCap(limits, 10)).isEqualTo(1);
        assertThat(LimitCheck.poolCap(limits, 39)).isEqualTo(1);
        assertThat(LimitCheck.poolCap(limits, 40)).isEqualTo(2);
        assertThat(LimitCheck.poolCap(limits, 1000)).isEqualTo(50);
    }

    @Test
    void theSmallerOfTheNodeAndPercentCapsApplies() {
        assertThat(LimitCheck.poolCap(HealthLimits.DEFAULT, 1000)).isEqualTo(1);
        assertThat(LimitCheck.poolCap(new HealthLimits(3, 50, 10), 4)).isEqualTo(2);
        assertThat(LimitCheck.poolCap(new HealthLimits(0, 50, 10), 4)).isZero();
    }

    @Test
    void oneMoreDrainPastThePoolCapIsRefusedNamingTheCounts() {
        assertThat(LimitCheck.exceeded(HealthLimits.DEFAULT, new LimitCheck.Counts(20, 0, 0))).isEmpty();
        assertThat(LimitCheck.exceeded(HealthLimits.DEFAULT, new LimitCheck.Counts(20, 1, 0))).hasValueSatisfying(reason ->
                assertThat(reason).contains("1 of the pool's 20 nodes already in REPAIR", "at most 1 at a time"));
    }

    @Test
    void theHourlyCountStopsTheEleventhDrainUnderTheDefaults() {
        assertThat(LimitCheck.exceeded(HealthLimits.DEFAULT, new LimitCheck.Counts(20, 0, 9))).isEmpty();
        assertThat(LimitCheck.exceeded(HealthLimits.DEFAULT, new LimitCheck.Counts(20, 0, 10))).hasValueSatisfying(reason ->
                assertThat(reason).contains("10 automatic drains in the last hour", "at most 10 (maxPerHour)"));
    }
}
