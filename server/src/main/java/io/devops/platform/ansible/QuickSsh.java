package io.devops.platform.ansible;

import io.devops.platform.ansible.HostKeyChecking.HostSsh;
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
 * Host keys are checked as for playbooks ({@link HostKeyChecking}); a first-contact host's key is
 * not recorded from here, and a master this opens for one lives only as long as its command.
 */
final class QuickSsh {

    private QuickSsh() {
    }

    static void run(PlaybookRun target, String command, AnsibleProperties properties) {
        try {
            Path dir = Files.createDirectories(target.workDir().toAbsolutePath());
            Map<String, HostSsh> ssh = HostKeyChecking.prepare(target.hosts(), dir, properties.controlRoot());
            Path keys = Files.createDirectories(dir.resolve("quick-keys"));
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
            List<Process> running = new ArrayList<>();
            Map<String, Path> keyFiles = new HashMap<>();
            try {
                for (InventoryHost host : target.hosts()) {
                    Path key = host.key() == null ? null : keyFiles.computeIfAbsent(host.key().id(), id -> write(keys, host));
                    running.add(start(ssh.get(host.name()), command, key, properties));
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

    private static Process start(HostSsh hostSsh, String command, Path key, AnsibleProperties properties)
            throws IOException {
        InventoryHost host = hostSsh.host();
        String persist = hostSsh.firstContact() ? "no" : properties.controlPersist().toSeconds() + "s";
        List<String> ssh = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "ControlMaster=auto",
                "-o", "ControlPersist=" + persist, "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=" + properties.connectTimeout().toSeconds(), "-p", String.valueOf(host.port())));
        hostSsh.options().forEach(option -> ssh.addAll(List.of("-o", option)));
        if (key != null) {
            ssh.addAll(List.of("-i", key.toString()));
        }
        ssh.add(host.user() == null ? host.address() : host.user() + "@" + host.address());
        ssh.add(command);
        return ChildEnvironment.apply(new ProcessBuilder(ssh), Map.of()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Closes these master connections, where one is open ({@code ssh -O exit}): what the next
     * contact sends then goes over a connection whose host key it checked itself.
     */
    static void closeMasters(List<Path> sockets) {
        List<Process> closing = new ArrayList<>();
        for (Path socket : sockets) {
            if (Files.exists(socket)) {
                try {
                    closing.add(ChildEnvironment.apply(new ProcessBuilder("ssh", "-o", "ControlPath=\"" + socket + "\"",
                                    "-O", "exit", "devops-master"), Map.of())
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close the ssh master connection " + socket, e);
                }
            }
        }
        for (Process process : closing) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
