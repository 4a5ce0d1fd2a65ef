package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, Duration.ofMinutes(15), 3, 5);

    @Test
    void aNameThatFailedTooOftenFromAnAddressWaitsUntilTheOldestFailureLeavesTheWindow() {
        failTimes("alice", "10.0.0.1", 3);

        // Failures at 0, 1 and 2 s, asked at 3 s: the one at 0 s leaves the window at 15 min.
        assertThat(throttle.waitBefore("alice", "10.0.0.1")).contains(Duration.ofMinutes(15).minusSeconds(3));
        assertThat(throttle.waitBefore("ALICE", "10.0.0.1")).as("names compare without case").isPresent();
        clock.advance(Duration.ofMinutes(15).minusSeconds(3));
        assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void otherAddressesAndOtherNamesAreNotHeldBack() {
        failTimes("alice", "10.0.0.1", 3);

        assertThat(throttle.waitBefore("alice", "10.0.0.2")).as("nobody locks a user out from elsewhere").isEmpty();
        assertThat(throttle.waitBefore("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressTryingManyNamesIsHeldBackForAllOfThem() {
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            failTimes(name, "10.0.0.9", 1);
        }

        assertThat(throttle.waitBefore("f", "10.0.0.9")).isPresent();
        assertThat(throttle.waitBefore("f", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessClearsTheNamesFailuresFromThatAddress() {
        failTimes("alice", "10.0.0.1", 2);
        throttle.succeeded("alice", "10.0.0.1");
        failTimes("alice", "10.0.0.1", 2);

        assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
    }

    private void failTimes(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(name, address);
            clock.advance(Duration.ofSeconds(1));
        }
    }
}
