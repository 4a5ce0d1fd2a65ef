package io.devops.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real SSH test nodes: one {@code sshd} per loopback address (127.0.1.1, 127.0.1.2, …) on a free
 * port, accepting a key the tests generate. Started once per test JVM and shared by every test;
 * stopped when the JVM exits. Needs root and openssh-server (scripts/test.sh installs it).
 */
public final class TestNodes {

    public static final int COUNT = 3;
    /** A port free on this machine when the nodes start: test JVMs of other checkouts may run their own nodes. */
    public static final int PORT = freePort();
    private static TestNodes instance;

    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();

    private TestNodes(Path dir) {
        this.dir = dir;
    }

    /** The shared nodes, started on first use; null (with a reason printed) when this machine cannot host them. */
    public static synchronized TestNodes shared() {
        if (instance == null) {
            instance = new TestNodes(Path.of("target", "test-nodes").toAbsolutePath());
            instance.startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopAll));
        }
        return instance;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/sshd")) && "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    public String ip(int index) {
        return "127.0.1." + (index + 1);
    }

    /** The public half of {@link #privateKey()}, as an authorized_keys line. */
    public String publicKey() {
        try {
            return Files.readString(dir.resolve("id_ed25519.pub"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String privateKey() {
        try {
            return Files.readString(dir.resolve("id_ed25519"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops one node's sshd with its open sessions (as a machine going down would, so that kept-open
     * SSH master connections die too); {@link #start(int)} brings it back.
     */
    public synchronized void stop(int index) {
        Process daemon = daemons.get(index);
        daemon.descendants().forEach(ProcessHandle::destroyForcibly);
        daemon.destroy();
        try {
            daemon.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void start(int index) {
        if (daemons.get(index).isAlive()) {
            return;
        }
        daemons.set(index, startDaemon(index));
    }

    private void startAll() {
        try {
            Files.createDirectories(dir);
            Files.createDirectories(Path.of("/run/sshd"));
            if (!Files.exists(dir.resolve("id_ed25519"))) {
                run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "devops-test", "-f", dir.resolve("id_ed25519").toString());
                run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_ed25519").toString());
            }
            Path authorized = dir.resolve("authorized_keys");
            Files.copy(dir.resolve("id_ed25519.pub"), authorized, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
            for (int i = 0; i < COUNT; i++) {
                daemons.add(startDaemon(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SSH test nodes", e);
        }
    }

    private Process startDaemon(int index) {
        try {
            Path config = dir.resolve("sshd-" + index + ".conf");
            Files.writeString(config, """
                    ListenAddress %s:%d
                    HostKey %s
                    PidFile %s
                    AuthorizedKeysFile %s .ssh/authorized_keys
                    StrictModes no
                    PermitRootLogin prohibit-password
                    PasswordAuthentication no
                    KbdInteractiveAuthentication no
                    UsePAM no
                    MaxSessions 50
                    MaxStartups 50
                    Subsystem sftp internal-sftp
                    SetEnv PATH=%s:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                    """.formatted(ip(index), PORT, dir.resolve("host_ed25519"), dir.resolve("sshd-" + index + ".pid"),
                    dir.resolve("authorized_keys"), fakeBin()));
            Process daemon = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd-" + index + ".log").toFile()).start();
            awaitListening(ip(index), daemon);
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sshd for " + ip(index), e);
        }
    }

    /**
     * The fake GPU tools (test resources under {@code fake-bin/}), first on the PATH of every
     * session on the test nodes, so the built-in scripts and roles run unchanged on a machine
     * without GPUs. Made executable here: copying resources may drop the bit.
     */
    public static Path fakeBin() {
        try {
            Path bin = Path.of(TestNodes.class.getResource("/fake-bin/nvidia-smi").toURI()).getParent();
            try (var files = Files.list(bin)) {
                for (Path file : files.toList()) {
                    if (!Files.isExecutable(file)) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            return bin;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot find the fake GPU tools under test resources fake-bin/", e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.1.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return 2222;
        }
    }

    private static void awaitListening(String ip, Process daemon) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && daemon.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ip, PORT), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("sshd on " + ip + ":" + PORT + " did not start listening");
    }

    private synchronized void stopAll() {
        daemons.forEach(Process::destroy);
    }

    private static void run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
