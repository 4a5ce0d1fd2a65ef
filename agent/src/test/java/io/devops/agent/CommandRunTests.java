package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunTests {

    @TempDir
    Path dir;

    @Test
    void streamsOutputWithArgumentsAndEnvironmentAndReportsTheExitCode() throws Exception {
        Outbox outbox = new Outbox();
        CommandRun run = run(outbox, 1, "echo \"hello $1 $GREETING\"; echo warn >&2; exit 3", Duration.ofSeconds(10));

        run.run();

        var batch = outbox.due().get(0);
        assertThat(batch.chunks().stream().filter(c -> c.stream().equals("stdout")).map(Outbox.Chunk::content)
                .collect(Collectors.joining())).isEqualTo("hello world hi\n");
        assertThat(batch.result().outcome()).isEqualTo("EXITED");
        assertThat(batch.result().exitCode()).isEqualTo(3);
    }

    @Test
    void theTimeoutKillsTheWholeProcessTree() throws Exception {
        Outbox outbox = new Outbox();
        Path pidFile = dir.resolve("child.pid");
        CommandRun run = run(outbox, 2, "sleep 600 & echo $! > " + pidFile + "; wait", Duration.ofSeconds(1));

        run.run();

        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(outbox.due().get(0).result().outcome()).isEqualTo("TIMED_OUT");
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void cancelKillsTheCommandAndReportsCancelled() throws Exception {
        Outbox outbox = new Outbox();
        CommandRun run = run(outbox, 3, "echo started; sleep 600", Duration.ofSeconds(60));
        CompletableFuture<Void> running = CompletableFuture.runAsync(run::run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outbox.due().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        run.stop("CANCELLED");
        running.get(10, TimeUnit.SECONDS);

        assertThat(outbox.due().get(0).result().outcome()).isEqualTo("CANCELLED");
    }

    @Test
    void outputLargerThanTheOutboxWaitsForTheServerAndAllOfItComesBeforeTheResult() throws Exception {
        Outbox outbox = new Outbox(Outbox.MAX_CHUNK_CHARS);
        Path exited = dir.resolve("exited");
        CommandRun run = run(outbox, 4, "head -c 1200000 /dev/zero | tr '\\0' 'x'; touch " + exited, Duration.ofSeconds(60));
        StringBuilder received = new StringBuilder();
        // A slow server that also stops answering for 3 s just as the command exits, with the end of
        // its output still in the pipe: longer than the 2 s a pipe gets after the command's exit.
        CompletableFuture<Outbox.Result> server = CompletableFuture.supplyAsync(() -> {
            boolean paused = false;
            while (true) {
                if (!paused && Files.exists(exited)) {
                    paused = true;
                    sleep(3000);
                }
                for (Outbox.Batch batch : outbox.due()) {
                    batch.chunks().forEach(chunk -> received.append(chunk.content()));
                    if (!batch.chunks().isEmpty()) {
                        outbox.acknowledged(4, batch.chunks().get(batch.chunks().size() - 1).seq());
                    }
                    if (batch.result() != null) {
                        outbox.remove(4);
                        return batch.result();
                    }
                }
                sleep(50);
            }
        });

        run.run();

        Outbox.Result result = server.get(30, TimeUnit.SECONDS);
        assertThat(result.exitCode()).isZero();
        assertThat(received.length()).isEqualTo(1_200_000);
        assertThat(received.chars().allMatch(c -> c == 'x')).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private CommandRun run(Outbox outbox, long id, String script, Duration timeout) throws Exception {
        Path file = dir.resolve("script-" + id);
        Files.writeString(file, script);
        outbox.open(id);
        return new CommandRun(id, new CommandRun.Spec(file, List.of("world"), Map.of("GREETING", "hi"), dir.resolve("w" + id),
                timeout), outbox);
    }
}
