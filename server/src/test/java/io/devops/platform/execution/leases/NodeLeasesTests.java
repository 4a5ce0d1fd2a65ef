package io.devops.platform.execution.leases;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Leases on the real database: two runs wanting the same nodes never both fail, and never both win. */
class NodeLeasesTests extends ApiTest {

    @Autowired
    NodeLeases leases;

    @Test
    void twoRunsTakingOverlappingNodesInOppositeOrdersNeverDeadlockAndExactlyOneWins() throws Exception {
        long base = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
        List<Long> nodes = LongStream.range(base, base + 200).boxed().toList();
        List<Long> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        for (int round = 0; round < 10; round++) {
            long first = base + 2L * round;
            long second = first + 1;
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Map<Long, Long>> a = CompletableFuture.supplyAsync(() -> acquire(start, first, nodes));
            CompletableFuture<Map<Long, Long>> b = CompletableFuture.supplyAsync(() -> acquire(start, second, reversed));

            Map<Long, Long> missedByA = a.get();
            Map<Long, Long> missedByB = b.get();

            assertThat(missedByA.isEmpty() ^ missedByB.isEmpty()).as("round %d: exactly one run holds the nodes (%s / %s)",
                    round, missedByA, missedByB).isTrue();
            long winner = missedByA.isEmpty() ? first : second;
            assertThat(leases.heldBy(winner)).hasSize(nodes.size());
            assertThat(leases.heldBy(winner == first ? second : first)).isEmpty();
            leases.release(first);
            leases.release(second);
        }
    }

    private Map<Long, Long> acquire(CyclicBarrier start, long runId, List<Long> nodes) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return leases.tryAcquire(runId, nodes, Instant.now());
    }
}
