package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxTests {

    @Test
    void outputIsNumberedInOrderAcrossStreamsAndResentUntilAcknowledged() throws Exception {
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
    void theResultFollowsTheLastChunkAndCountsThem() throws Exception {
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
    void anEndedCommandClaimedForThePollIsLeftToItUntilReleased() throws Exception {
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

    @Test
    void batchesStayUnderTheByteBudgetAndTogetherAreTheOutputInOrder() throws Exception {
        Outbox outbox = new Outbox();
        outbox.open(11);
        String output = lines(40_000, "line %05d ünïcödé € 漢字 😀\n"); // about 1.5 MB of UTF-8, 2- 3- and 4-byte characters
        for (int at = 0; at < output.length(); at += 8192) {
            outbox.append(11, "stdout", output.substring(at, Math.min(output.length(), at + 8192)));
        }
        outbox.finish(11, new Outbox.Result("EXITED", 0, 1, null, 0));

        List<Outbox.Chunk> sent = drain(outbox, 11);

        assertThat(sent).extracting(Outbox.Chunk::seq).containsExactlyElementsOf(IntStream.range(0, sent.size()).boxed().toList());
        assertThat(sent.stream().map(Outbox.Chunk::content).collect(Collectors.joining())).isEqualTo(output);
        assertThat(sent).allSatisfy(chunk -> assertThat(isWholeText(chunk.content())).as("chunk %d", chunk.seq()).isTrue());
    }

    @Test
    void everyBatchSerializesUnderTheBudgetEvenWhenEscapesGrowIt() throws Exception {
        Outbox outbox = new Outbox();
        outbox.open(12);
        // Control characters take six bytes each in JSON: 64 Ki characters of them are 384 KiB.
        outbox.append(12, "stdout", "\u0001".repeat(3 * Outbox.MAX_CHUNK_CHARS));
        outbox.append(12, "stdout", "€".repeat(3 * Outbox.MAX_CHUNK_CHARS));
        ObjectMapper json = new ObjectMapper();

        for (Outbox.Batch batch = outbox.due().get(0); ; batch = outbox.due().get(0)) {
            int bytes = json.writeValueAsBytes(Map.of("chunks", batch.chunks())).length;
            assertThat(bytes).isLessThanOrEqualTo(Outbox.MAX_BATCH_BYTES);
            assertThat(batch.chunks().stream().mapToLong(Outbox::jsonBytes).sum()).isGreaterThanOrEqualTo(bytes);
            outbox.acknowledged(12, batch.chunks().get(batch.chunks().size() - 1).seq());
            if (outbox.due().isEmpty()) {
                break;
            }
        }
    }

    @Test
    void aChunkCutAtItsSizeLimitNeverSplitsAFourByteCharacter() throws Exception {
        Outbox outbox = new Outbox();
        outbox.open(13);
        String output = "a".repeat(Outbox.MAX_CHUNK_CHARS - 1) + "😀" + "b".repeat(10);
        outbox.append(13, "stdout", output);
        outbox.finish(13, new Outbox.Result("EXITED", 0, 1, null, 0));

        List<Outbox.Chunk> chunks = outbox.due().get(0).chunks();

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).content()).hasSize(Outbox.MAX_CHUNK_CHARS - 1);
        assertThat(chunks.get(1).content()).startsWith("😀");
        assertThat(chunks.stream().map(Outbox.Chunk::content).collect(Collectors.joining())).isEqualTo(output);
        // Each chunk is valid UTF-8 on its own: encoding and decoding it gives it back.
        assertThat(chunks).allSatisfy(chunk -> assertThat(new String(chunk.content().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).isEqualTo(chunk.content()));
    }

    @Test
    void a413HalvesTheBatchesAndSplitsASingleChunkRenumberingTheRest() throws Exception {
        Outbox outbox = new Outbox();
        outbox.open(14);
        String output = "x".repeat(5 * Outbox.MAX_CHUNK_CHARS);
        outbox.append(14, "stdout", output);
        outbox.finish(14, new Outbox.Result("EXITED", 0, 1, null, 0));
        Outbox.Batch whole = outbox.due().get(0);
        assertThat(whole.chunks()).hasSize(5);

        assertThat(outbox.tooLarge(whole)).isTrue();
        Outbox.Batch smaller = outbox.due().get(0);
        assertThat(smaller.chunks()).hasSize(2);
        assertThat(outbox.batchBytes()).isLessThan(Outbox.MAX_BATCH_BYTES);

        assertThat(outbox.tooLarge(smaller)).isTrue();
        Outbox.Batch one = outbox.due().get(0);
        assertThat(one.chunks()).hasSize(1);
        assertThat(outbox.tooLarge(one)).isTrue(); // a single chunk: split in two

        List<Outbox.Chunk> sent = drain(outbox, 14);
        assertThat(sent).extracting(Outbox.Chunk::seq).containsExactlyElementsOf(IntStream.range(0, 6).boxed().toList());
        assertThat(sent.get(0).content()).hasSize(Outbox.MAX_CHUNK_CHARS / 2);
        assertThat(sent.stream().map(Outbox.Chunk::content).collect(Collectors.joining())).isEqualTo(output);
    }

    @Test
    void splittingAChunkInTwoKeepsAFourByteCharacterWhole() {
        String text = "ab😀cd";
        assertThat(Outbox.cutNear(text, 3)).isEqualTo(2);
        assertThat(Outbox.cutNear(text, 2)).isEqualTo(2);
        assertThat(Outbox.cutNear(text, 4)).isEqualTo(4);
        assertThat(Outbox.cutNear("😀", 1)).isZero();
    }

    @Test
    void outputTheServerRefusesBecomesANoteAndTheResultStillFollows() throws Exception {
        Outbox outbox = new Outbox();
        outbox.open(15);
        outbox.append(15, "stdout", "refused text");
        outbox.append(15, "stderr", "kept");
        outbox.finish(15, new Outbox.Result("EXITED", 0, 1, null, 0));
        Outbox.Batch both = outbox.due().get(0);
        assertThat(both.chunks()).hasSize(2);

        outbox.refused(both, "400: bad chunk"); // which one? they go one by one now
        Outbox.Batch first = outbox.due().get(0);
        assertThat(first.chunks()).extracting(Outbox.Chunk::content).containsExactly("refused text");
        outbox.refused(first, "400: bad chunk");

        Outbox.Batch note = outbox.due().get(0);
        assertThat(note.chunks()).extracting(Outbox.Chunk::seq, Outbox.Chunk::content)
                .containsExactly(tuple(0, "[agent] the server refused 12 characters of output: 400: bad chunk\n"));
        outbox.acknowledged(15, 0);
        Outbox.Batch last = outbox.due().get(0);
        assertThat(last.chunks()).extracting(Outbox.Chunk::seq, Outbox.Chunk::content).containsExactly(tuple(1, "kept"));
        assertThat(last.result().chunks()).isEqualTo(2);
        assertThat(last.result().message()).isEqualTo("the server refused 12 characters of output: 400: bad chunk");
    }

    @Test
    void appendingWaitsWhileTheOutboxIsFullAndGoesOnWhenTheServerTakesOutput() throws Exception {
        Outbox outbox = new Outbox(100);
        outbox.open(16);
        outbox.append(16, "stdout", "y".repeat(100));

        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                outbox.append(16, "stdout", "z");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        assertThat(blocked).isNotDone();

        outbox.acknowledged(16, outbox.due().get(0).chunks().get(0).seq());
        blocked.get(5, TimeUnit.SECONDS);
        assertThat(outbox.due().get(0).chunks()).extracting(Outbox.Chunk::content).containsExactly("z");
    }

    @Test
    void aPollCarriesEndedCommandsOnlyWhileTheyFitOneBatch() throws Exception {
        Outbox outbox = new Outbox();
        for (long id = 20; id < 24; id++) {
            outbox.open(id);
            outbox.append(id, "stdout", "w".repeat(Outbox.MAX_CHUNK_CHARS * 3));
            outbox.finish(id, new Outbox.Result("EXITED", 0, 1, null, 0));
        }

        List<Outbox.Batch> claimed = outbox.claimFinished();

        assertThat(claimed).extracting(Outbox.Batch::commandId).containsExactly(20L, 21L);
        assertThat(claimed.stream().flatMap(batch -> batch.chunks().stream()).mapToLong(Outbox::jsonBytes).sum())
                .isLessThanOrEqualTo(Outbox.MAX_BATCH_BYTES);
        assertThat(outbox.due()).extracting(Outbox.Batch::commandId).containsExactly(22L, 23L);
    }

    @Test
    void aBacklogOfSealedChunksIsSentWithoutPausingAndAQuietCommandWaitsForTheNextRound() throws Exception {
        Outbox outbox = new Outbox();
        outbox.open(30);
        outbox.append(30, "stdout", "v".repeat(20 * Outbox.MAX_CHUNK_CHARS));
        assertThat(outbox.hasBacklog()).isTrue();

        drainOnce(outbox, 30);
        assertThat(outbox.hasBacklog()).isTrue(); // more than one batch was waiting
        while (outbox.hasBacklog()) {
            drainOnce(outbox, 30);
        }

        outbox.append(30, "stdout", "a line now and then\n");
        assertThat(outbox.hasBacklog()).isFalse(); // gathered until the next round seals it
    }

    private static void drainOnce(Outbox outbox, long id) {
        List<Outbox.Chunk> chunks = outbox.due().get(0).chunks();
        outbox.acknowledged(id, chunks.get(chunks.size() - 1).seq());
    }

    /** Sends everything the way the reporter does, acknowledging each batch; answers the chunks in the order sent. */
    private static List<Outbox.Chunk> drain(Outbox outbox, long id) {
        List<Outbox.Chunk> sent = new ArrayList<>();
        while (true) {
            Outbox.Batch batch = outbox.due().get(0);
            sent.addAll(batch.chunks());
            if (!batch.chunks().isEmpty()) {
                outbox.acknowledged(id, batch.chunks().get(batch.chunks().size() - 1).seq());
            }
            if (batch.result() != null) {
                assertThat(batch.result().chunks()).isEqualTo(sent.size());
                outbox.remove(id);
                return sent;
            }
        }
    }

    private static String lines(int count, String format) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(format.formatted(i));
        }
        return text.toString();
    }

    /** No half of a surrogate pair alone: every character survives UTF-8. */
    private static boolean isWholeText(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
    }

    @Test
    void aNewerHealthEventReplacesTheUnsentOneOfItsConditionAndAStoredOneLeaves() {
        Outbox outbox = new Outbox();
        HealthEvent first = new HealthEvent("xid", "79", "0000:18:00", "CRITICAL", "m", "e", "2026-12-07T10:00:00Z",
                "2026-12-07T10:00:00Z", 1, true);
        HealthEvent later = new HealthEvent("xid", "79", "0000:18:00", "CRITICAL", "m", "e", "2026-12-07T10:00:00Z",
                "2026-12-07T10:10:00Z", 3, true);
        outbox.health(java.util.List.of(first));
        java.util.List<HealthEvent> sending = outbox.dueHealth();
        outbox.health(java.util.List.of(later));

        outbox.healthStored(sending);

        assertThat(outbox.pendingHealth()).containsExactly(later);
        outbox.healthStored(outbox.dueHealth());
        assertThat(outbox.pendingHealth()).isEmpty();
    }
}
