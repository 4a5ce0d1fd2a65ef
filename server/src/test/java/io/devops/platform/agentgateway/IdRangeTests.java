package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdRangeTests {

    @Test
    void idsQueuedTogetherReadAsOneRange() {
        assertThat(IdRange.covering(List.of(5L, 6L, 7L, 9L, 40L))).containsExactly(new IdRange(5, 40));
    }

    @Test
    void aGapWiderThanTheLimitStartsANewRange() {
        long far = 7 + IdRange.MAX_GAP + 1;
        assertThat(IdRange.covering(List.of(5L, 7L, far, far + 1)))
                .containsExactly(new IdRange(5, 7), new IdRange(far, far + 1));
        assertThat(IdRange.covering(List.of(5L, 5 + IdRange.MAX_GAP))).containsExactly(new IdRange(5, 5 + IdRange.MAX_GAP));
    }

    @Test
    void noIdsNoRanges() {
        assertThat(IdRange.covering(List.of())).isEmpty();
        assertThat(IdRange.covering(List.of(3L))).containsExactly(new IdRange(3, 3));
    }
}
