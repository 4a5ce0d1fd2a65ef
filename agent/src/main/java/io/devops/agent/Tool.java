package io.devops.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a monitor's tool and tells apart a tool that is not installed (no finding: the node simply
 * has none) from one that ran and failed, and kills one that hangs.
 */
final class Tool {

    /** How a tool ran: {@code missing} when it could not be started at all. */
    record Result(boolean missing, int exitCode, String output) {

        boolean ok() {
            return !missing && exitCode == 0;
        }

        static Result notInstalled() {
            return new Result(true, -1, "");
        }
    }

    private Tool() {
    }

    static Result run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return Result.notInstalled();
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            byte[] bytes = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException();
            }
            return new Result(false, process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } catch (TimeoutException | ExecutionException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(false, -1, command.get(0) + " did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(false, -1, "interrupted");
        }
    }
}
