package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxTests {

    @Test
    void outputIsNumberedInOrderAcrossStreamsAndResentUntilAcknowledged() {
        Outbox outbox = new Outbox();
        outbox.open(7);
        outbox.append(7, "stdout", "a");
        outbox.append(7, "stdout", "b");
        outbox.append(7, "stderr", "oops");
        outbox.append(7, "stdout", "c");

        var first = outbox.due().get(0);
        assertThat(first.chunks()).extracting(Outbox.Chunk::seq).containsExactly(0, 1, 2);
        assertThat(first.chunks()).extracting(Outbox.Chunk::content).containsExactly("ab", "oops", "c");
        assertThat(first.result()).isNull();

        // Not acknowledged (the connection dropped): the same chunks, with the same numbers, again.
        assertThat(outbox.due().get(0).chunks()).extracting(Outbox.Chunk::seq).containsExactly(0, 1, 2);
        outbox.acknowledged(7, 2);
        assertThat(outbox.due()).isEmpty();
    }

    @Test
    void theResultFollowsTheLastChunkAndCountsThem() {
        Outbox outbox = new Outbox();
        outbox.open(8);
        outbox.append(8, "stdout", "x".repeat(Outbox.MAX_CHUNK_CHARS + 10));
        outbox.finish(8, new Outbox.Result("EXITED", 0, 5, null, 0));

        var batch = outbox.due().get(0);
        assertThat(batch.chunks()).hasSize(2);
        assertThat(batch.result().chunks()).isEqualTo(2);
        outbox.acknowledged(8, 1);
        outbox.remove(8);
        assertThat(outbox.isEmpty()).isTrue();
    }

    @Test
    void anEndedCommandClaimedForThePollIsLeftToItUntilReleased() {
        Outbox outbox = new Outbox();
        outbox.open(9);
        outbox.append(9, "stdout", "gpu-7\n");
        outbox.finish(9, new Outbox.Result("EXITED", 0, 3, null, 0));
        outbox.open(10);
        outbox.append(10, "stdout", "still running");

        var claimed = outbox.claimFinished();
        assertThat(claimed).extracting(Outbox.Batch::commandId).containsExactly(9L);
        assertThat(claimed.get(0).chunks()).extracting(Outbox.Chunk::content).containsExactly("gpu-7\n");
        assertThat(claimed.get(0).result().chunks()).isEqualTo(1);
        assertThat(outbox.due()).extracting(Outbox.Batch::commandId).containsExactly(10L);
        assertThat(outbox.claimFinished()).isEmpty();

        // The poll failed: the reporter sends it, and a refusal keeps it away from later polls.
        outbox.release(claimed, true);
        assertThat(outbox.due()).extracting(Outbox.Batch::commandId).containsExactly(9L, 10L);
        assertThat(outbox.claimFinished()).isEmpty();
    }
}
