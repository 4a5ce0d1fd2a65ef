package io.devops.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A local user that signs in to the SSH test nodes with their key (from its own authorized_keys:
 * sshd reads that file as the user) and may run anything through
 * sudo, with a password: the only way to prove that a become password reaches a real sudo as
 * typed. Created on first use (the tests run as root), kept afterwards; each call sets the password.
 */
public final class SudoUser {

    public static final String NAME = "devops_sudo_test";
    private static final Path SUDOERS = Path.of("/etc/sudoers.d", NAME);

    private SudoUser() {
    }

    public static boolean available() {
        return TestNodes.available() && Files.isExecutable(Path.of("/usr/bin/sudo"))
                && Files.isExecutable(Path.of("/usr/sbin/useradd")) && Files.isExecutable(Path.of("/usr/sbin/chpasswd"));
    }

    /**
     * Makes sure the user exists, accepts {@code publicKey}, may sudo with a password, and has
     * {@code password} (one line).
     */
    public static synchronized void withPassword(String password, String publicKey) {
        try {
            if (run(null, "id", "-u", NAME) != 0) {
                check(run(null, "/usr/sbin/useradd", "--create-home", "--shell", "/bin/bash", NAME), "useradd");
            }
            Path ssh = Files.createDirectories(Path.of("/home", NAME, ".ssh"));
            Files.writeString(ssh.resolve("authorized_keys"), publicKey);
            check(run(null, "chown", "-R", NAME + ":", ssh.toString()), "chown");
            // chpasswd splits each line at its first colon, so the password may hold any character but a line break.
            check(run(NAME + ":" + password + "\n", "/usr/sbin/chpasswd"), "chpasswd");
            if (!Files.exists(SUDOERS)) {
                Path draft = Files.writeString(Files.createTempFile("sudoers", ".tmp"), NAME + " ALL=(ALL:ALL) ALL\n");
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("r--r-----"));
                Files.move(draft, SUDOERS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sudo test user", e);
        }
    }

    private static void check(int exit, String what) {
        if (exit != 0) {
            throw new IllegalStateException(what + " failed with exit code " + exit);
        }
    }

    private static int run(String input, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
