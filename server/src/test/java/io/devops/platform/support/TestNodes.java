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
    private String hostKeyFingerprint;

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

    /** The host key every shared node shows, as {@code type base64} (the nodes share one key file). */
    public String hostPublicKey() {
        return publicKeyOf(dir.resolve("host_ed25519.pub"));
    }

    /** {@link #hostPublicKey()}'s fingerprint, as {@code ssh-keygen -l} prints it ({@code SHA256:...}). */
    public synchronized String hostKeyFingerprint() {
        if (hostKeyFingerprint == null) {
            hostKeyFingerprint = fingerprintOf(dir.resolve("host_ed25519.pub"));
        }
        return hostKeyFingerprint;
    }

    /**
     * One more node, on {@code ip} (outside 127.0.1.x) and a port of its own, with a host key of its
     * own that {@link OtherNode#replaceHostKey()} changes. Accepts the same key as the shared nodes.
     */
    public OtherNode otherNode(String ip) {
        Path home = dir.resolve("other-" + ip);
        try {
            Files.createDirectories(home);
            OtherNode node = new OtherNode(ip, freePort(ip), home);
            node.replaceHostKey();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an SSH node on " + ip, e);
        }
    }

    /** A node with a host key of its own: stop it by closing it. */
    public final class OtherNode implements AutoCloseable {

        private final String ip;
        private final int port;
        private final Path home;
        private Process daemon;

        private OtherNode(String ip, int port, Path home) {
            this.ip = ip;
            this.port = port;
            this.home = home;
        }

        public String ip() {
            return ip;
        }

        public int port() {
            return port;
        }

        public String hostKeyFingerprint() {
            return fingerprintOf(home.resolve("host_ed25519.pub"));
        }

        /** Restarts the node with a new host key, as a reinstall (or an impostor on its address) would. */
        public synchronized void replaceHostKey() throws IOException {
            close();
            Files.deleteIfExists(home.resolve("host_ed25519"));
            Files.deleteIfExists(home.resolve("host_ed25519.pub"));
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", home.resolve("host_ed25519").toString());
            daemon = startSshd(home, "sshd", ip, port, home.resolve("host_ed25519"));
        }

        @Override
        public synchronized void close() {
            if (daemon != null) {
                daemon.descendants().forEach(ProcessHandle::destroyForcibly);
                daemon.destroy();
                try {
                    daemon.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                daemon = null;
            }
        }
    }

    private static String publicKeyOf(Path file) {
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            return fields[0] + " " + fields[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprintOf(Path file) {
        try {
            Process process = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen -l failed: " + output);
            }
            return output.split("\\s+")[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process startDaemon(int index) {
        return startSshd(dir, "sshd-" + index, ip(index), PORT, dir.resolve("host_ed25519"));
    }

    private Process startSshd(Path home, String name, String ip, int port, Path hostKey) {
        try {
            Path config = home.resolve(name + ".conf");
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
                    """.formatted(ip, port, hostKey, home.resolve(name + ".pid"), dir.resolve("authorized_keys"), fakeBin()));
            Process daemon = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile()).start();
            awaitListening(ip, port, daemon);
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sshd for " + ip, e);
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
        return freePort("127.0.1.1");
    }

    private static int freePort(String ip) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(ip))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return 2222;
        }
    }

    private static void awaitListening(String ip, int port, Process daemon) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && daemon.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ip, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("sshd on " + ip + ":" + port + " did not start listening");
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
