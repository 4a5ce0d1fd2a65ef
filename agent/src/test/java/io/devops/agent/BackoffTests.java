package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void waitsGrowExponentiallyWithJitterUpToTheMaximumAndResetAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        long[] ceilings = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (long ceiling : ceilings) {
            long wait = backoff.next().toMillis();
            assertThat(wait).isBetween(ceiling / 2, ceiling);
        }
        backoff.reset();
        assertThat(backoff.next().toMillis()).isLessThanOrEqualTo(1000);
    }
}
