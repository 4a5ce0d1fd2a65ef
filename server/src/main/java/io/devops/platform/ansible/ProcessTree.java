package io.devops.platform.ansible;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A child started in its own process group (through {@code setsid}), so that a timeout or a
 * cancel reaches ansible-playbook, its forks and their ssh children alike.
 */
final class ProcessTree {

    private final Process process;

    private ProcessTree(Process process) {
        this.process = process;
    }

    static ProcessTree start(ProcessBuilder builder) throws IOException {
        builder.command().add(0, "setsid");
        return new ProcessTree(builder.start());
    }

    Process process() {
        return process;
    }

    /** SIGTERM to the whole group, then SIGKILL to whatever is left after the grace period. */
    void kill(Duration grace) throws InterruptedException {
        long group = process.pid();
        signal("-TERM", group);
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            signal("-KILL", group);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        // Forks may outlive the leader briefly; the group id is still theirs.
        signal("-KILL", group);
    }

    private static void signal(String signal, long group) throws InterruptedException {
        try {
            new ProcessBuilder("kill", signal, "--", "-" + group).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal process group " + group, e);
        }
    }
}
