package io.devops.platform.ansible;

import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One shell command on many hosts with plain {@code ssh}, in parallel, over the master connections
 * the playbooks keep open: no Python start-up, so a cancel reaches the nodes in a fraction of a second.
 */
final class QuickSsh {

    private QuickSsh() {
    }

    static void run(PlaybookRun target, String command, AnsibleProperties properties) {
        try {
            Path controlDir = WorkDir.controlDir(target, properties);
            Path keys = Files.createDirectories(target.workDir().toAbsolutePath().resolve("quick-keys"));
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
            List<Process> running = new ArrayList<>();
            Map<String, Path> keyFiles = new HashMap<>();
            try {
                for (InventoryHost host : target.hosts()) {
                    Path key = host.key() == null ? null : keyFiles.computeIfAbsent(host.key().id(), id -> write(keys, host));
                    running.add(start(host, command, controlDir, key, properties));
                }
                long deadline = System.nanoTime() + target.timeout().toNanos();
                for (Process process : running) {
                    if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        process.destroyForcibly();
                    }
                }
            } finally {
                try (var files = Files.list(keys)) {
                    for (Path key : files.toList()) {
                        Files.deleteIfExists(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the hosts over ssh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path write(Path keys, InventoryHost host) {
        try {
            return WorkDir.writeKey(keys, host.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(InventoryHost host, String command, Path controlDir, Path key, AnsibleProperties properties)
            throws IOException {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "ControlMaster=auto",
                "-o", "ControlPath=" + controlDir + "/%C", "-o", "ControlPersist=" + properties.controlPersist().toSeconds() + "s",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=" + properties.connectTimeout().toSeconds(), "-p", String.valueOf(host.port())));
        if (key != null) {
            ssh.addAll(List.of("-i", key.toString()));
        }
        ssh.add(host.user() == null ? host.address() : host.user() + "@" + host.address());
        ssh.add(command);
        return ChildEnvironment.apply(new ProcessBuilder(ssh), Map.of()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

}
