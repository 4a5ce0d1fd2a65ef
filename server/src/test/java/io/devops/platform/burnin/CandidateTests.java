package io.devops.platform.burnin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which spare nodes a look starts: due ones only, never burnt in first, at most the room left. */
class CandidateTests {

    private static final Instant NOW = Instant.parse("2031-01-10T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void theLongestWaitingDueNodesAreStartedUpToTheRoomLeft() {
        Candidate never = ready(5, null, null);
        Candidate tenDays = ready(2, NOW.minus(Duration.ofDays(10)), null);
        Candidate twentyDays = ready(3, NOW.minus(Duration.ofDays(20)), null);
        Candidate yesterday = ready(1, NOW.minus(Duration.ofDays(1)), null);

        List<Candidate> two = Candidate.toStart(List.of(yesterday, tenDays, twentyDays, never), NOW, WEEK, 2);
        List<Candidate> none = Candidate.toStart(List.of(never, tenDays), NOW, WEEK, -1);

        assertThat(two).containsExactly(never, twentyDays);
        assertThat(none).isEmpty();
    }

    @Test
    void aNodeThatIsNotReadyOrIsLockedOrBusyOrStartedWithinThePeriodIsNotDue() {
        Instant old = NOW.minus(Duration.ofDays(30));

        assertThat(new Candidate(1, "ip", "DELIVERED", false, false, old, null).dueAt(NOW, WEEK)).isFalse();
        assertThat(new Candidate(1, "ip", "FAILED_TESTING", false, false, old, null).dueAt(NOW, WEEK)).isFalse();
        assertThat(new Candidate(1, "ip", "READY", true, false, old, null).dueAt(NOW, WEEK)).isFalse();
        assertThat(new Candidate(1, "ip", "READY", false, true, old, null).dueAt(NOW, WEEK)).isFalse();
        assertThat(ready(1, old, NOW.minus(Duration.ofDays(2))).dueAt(NOW, WEEK)).as("started two days ago").isFalse();
        assertThat(ready(1, old, NOW.minus(Duration.ofDays(8))).dueAt(NOW, WEEK)).isTrue();
        assertThat(ready(1, NOW.minus(WEEK), null).dueAt(NOW, WEEK)).as("exactly a period ago").isTrue();
    }

    private static Candidate ready(long id, Instant lastPassed, Instant lastStarted) {
        return new Candidate(id, "10.0.0." + id, "READY", false, false, lastPassed, lastStarted);
    }
}
