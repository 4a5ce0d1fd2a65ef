package io.devops.platform.ansible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Processes a server left behind when it was killed ({@code kill -9} gives it no chance to stop
 * its children): {@code ansible-playbook}, its forks and their {@code ssh}, found by marks in their
 * environment, which every child inherits. Only this machine's processes, read from /proc.
 */
public final class StrayProcesses {

    private static final Path PROC = Path.of("/proc");

    private StrayProcesses() {
    }

    /**
     * Stops (TERM, then KILL after {@code grace}) every process whose environment holds all of
     * {@code marks} ({@code NAME=value} entries), except this JVM.
     *
     * @return the pids that were found
     */
    public static List<Long> stop(Set<String> marks, Duration grace) {
        List<ProcessHandle> found = find(marks);
        found.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : found) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                sleep();
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        return found.stream().map(ProcessHandle::pid).toList();
    }

    static List<ProcessHandle> find(Set<String> marks) {
        if (marks.isEmpty() || !Files.isDirectory(PROC)) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid != self && environment(entry).containsAll(marks)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the processes in /proc", e);
        }
        return found;
    }

    /** A process's environment entries; empty for one that ended meanwhile or that we may not read. */
    private static Set<String> environment(Path process) {
        try {
            String text = new String(Files.readAllBytes(process.resolve("environ")), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\0")).collect(Collectors.toSet());
        } catch (IOException | SecurityException gone) {
            return Set.of();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
