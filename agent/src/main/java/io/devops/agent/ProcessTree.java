package io.devops.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands start with {@code setsid}, so each is the leader of its own process group: killing the
 * group reaches every child, even one that outlived its parent. Descendants seen before the kill
 * are signalled too, for processes that left the group.
 */
final class ProcessTree {

    static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));

    private ProcessTree() {
    }

    /** The command line that runs {@code command} in a new session (its own process group). */
    static List<String> inOwnGroup(List<String> command) {
        List<String> line = new ArrayList<>();
        if (SETSID) {
            line.add("setsid");
        }
        line.addAll(command);
        return line;
    }

    /** TERM to the whole tree, then KILL to whatever is still alive after {@code grace}. */
    static void kill(Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        signalGroup("TERM", process.pid());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        signalGroup("KILL", process.pid());
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static void signalGroup(String signal, long leader) {
        if (!SETSID) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + leader).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (java.io.IOException e) {
            Log.warn("could not signal process group " + leader + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
