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

    private CommandRun run(Outbox outbox, long id, String script, Duration timeout) throws Exception {
        Path file = dir.resolve("script-" + id);
        Files.writeString(file, script);
        outbox.open(id);
        return new CommandRun(id, new CommandRun.Spec(file, List.of("world"), Map.of("GREETING", "hi"), dir.resolve("w" + id),
                timeout), outbox);
    }
}
