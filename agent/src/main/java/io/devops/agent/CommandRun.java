package io.devops.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One command as a child process in its own process group: stdout and stderr stream into the
 * outbox as they come, the timeout and a cancel kill the whole tree, and the result is queued once.
 */
final class CommandRun {

    static final Duration KILL_GRACE = Duration.ofSeconds(3);

    private final long id;
    private final Spec spec;
    private final Outbox outbox;
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private volatile Process process;

    CommandRun(long id, Spec spec, Outbox outbox) {
        this.id = id;
        this.spec = spec;
        this.outbox = outbox;
    }

    /**
     * What to run: the verified script file, its arguments, extra environment, directory (null only
     * with {@code runAs}: the user's own fresh one), timeout, and the user to run as (null: the agent's).
     */
    record Spec(Path script, List<String> args, Map<String, String> env, Path directory, Duration timeout,
                String runAs) {

        Spec(Path script, List<String> args, Map<String, String> env, Path directory, Duration timeout) {
            this(script, args, env, directory, timeout, null);
        }

        /** A script with {@code #!} runs with its own interpreter, any other with bash. */
        boolean hasShebang() throws IOException {
            try (InputStream in = java.nio.file.Files.newInputStream(script)) {
                byte[] head = in.readNBytes(2);
                return head.length == 2 && head[0] == '#' && head[1] == '!';
            }
        }
    }

    void run() {
        Path userDir = null;
        try {
            RunAs user = spec.runAs() == null ? null : RunAs.resolve(spec.runAs());
            userDir = user == null ? null : user.prepare(spec.script(), id);
            run(user, userDir);
        } catch (IOException e) {
            outbox.finish(id, new Outbox.Result("FAILED_TO_START", null, 0, e.getMessage(), 0));
        } finally {
            RunAs.removeQuietly(userDir);
        }
    }

    private void run(RunAs user, Path userDir) {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        try {
            if (!spec.hasShebang()) {
                command.add("/bin/bash");
            }
            command.add(user == null ? spec.script().toString() : userDir.resolve("script").toString());
            command.addAll(spec.args());
            // The user's own directory unless the command names one: the agent's work dir is root's alone.
            Path directory = spec.directory() != null ? spec.directory() : userDir;
            java.nio.file.Files.createDirectories(directory);
            List<String> line = user == null ? command : user.wrap(command);
            ProcessBuilder builder = new ProcessBuilder(ProcessTree.inOwnGroup(line)).directory(directory.toFile());
            if (user != null) {
                builder.environment().putAll(user.environment());
            }
            builder.environment().putAll(spec.env());
            if (stopReason.get() != null) {
                outbox.finish(id, new Outbox.Result(stopReason.get(), null, 0, "stopped before it started", 0));
                return;
            }
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            outbox.finish(id, new Outbox.Result("FAILED_TO_START", null, millisSince(started), e.getMessage(), 0));
            return;
        }
        Pump out = new Pump(process.getInputStream(), "stdout");
        Pump err = new Pump(process.getErrorStream(), "stderr");
        try {
            if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stop("TIMED_OUT");
            }
            int exit = process.waitFor();
            out.drain();
            err.drain();
            String outcome = stopReason.get() == null ? "EXITED" : stopReason.get();
            outbox.finish(id, new Outbox.Result(outcome, exit, millisSince(started), null, 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop("CANCELLED");
            outbox.finish(id, new Outbox.Result("CANCELLED", null, millisSince(started), "the agent is stopping", 0));
        }
    }

    /** Kills the process tree (TERM, then KILL after a grace period); the first reason wins. */
    void stop(String reason) {
        if (stopReason.compareAndSet(null, reason) && process != null) {
            ProcessTree.kill(process, KILL_GRACE);
        }
    }

    /**
     * Copies one of the process's streams into the outbox as text (UTF-8, decoded across reads, so
     * no character is ever cut in two), waiting whenever the outbox is full.
     */
    private final class Pump {
        /** How long the output may go on after the command's own exit (a background child may hold the pipe open). */
        private static final long TAIL_NANOS = TimeUnit.SECONDS.toNanos(2);

        private final Thread thread;
        private volatile boolean waitingForRoom;

        Pump(InputStream stream, String name) {
            thread = new Thread(() -> copy(stream, name), "command-" + id + "-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        private void copy(InputStream stream, String name) {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                    waitingForRoom = true;
                    outbox.append(id, name, new String(buffer, 0, n));
                    waitingForRoom = false;
                }
            } catch (IOException e) {
                // The process is gone and its pipe with it.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waitingForRoom = false;
            }
        }

        /**
         * Waits until everything the process wrote is in the outbox. Time spent waiting for room
         * there (for the server) does not count: only {@link #TAIL_NANOS} of reading does.
         */
        void drain() throws InterruptedException {
            long reading = 0;
            while (thread.isAlive() && reading < TAIL_NANOS) {
                long start = System.nanoTime();
                thread.join(20);
                if (!waitingForRoom) {
                    reading += System.nanoTime() - start;
                }
            }
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
