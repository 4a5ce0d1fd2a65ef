package io.devops.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * SSH test nodes for the acceptance suite: one {@code sshd} per node on 127.0.9.1, 127.0.9.2, … (one
 * port for all), accepting the shared test nodes' key ({@link TestNodes}), each a GPU machine of its
 * own: the fake tools of test resources {@code fake-acceptance-bin/} first on its PATH (without the
 * tools the node lacks) and {@code ACCEPTANCE_PROFILE} naming the recorded outputs they replay
 * (test resources {@code acceptance-outputs/<profile>/}), {@code ACCEPTANCE_PROFILES} naming every node's
 * ("ip=profile,...": the fake mpirun replays the run of the group's slowest node), and a /tmp of its own (a mount namespace per
 * sshd: all nodes are this machine, and the role writes its reports under /tmp). Started once per
 * test JVM, stopped when it exits.
 */
public final class AcceptanceTestNodes {

    /** One node: the recorded outputs it replays and the tools it does not have. */
    public record Profile(String name, Set<String> missingTools) {

        public static Profile of(String name, String... missingTools) {
            return new Profile(name, Set.of(missingTools));
        }
    }

    /**
     * The one set of nodes the tests share (one JVM starts them once): four healthy 8 x H100, eight
     * with one fault each, one without dcgmi.
     */
    public static final List<Profile> FLEET = List.of(
            Profile.of("h100-8-healthy"), Profile.of("h100-8-healthy"), Profile.of("h100-8-healthy"), Profile.of("h100-8-healthy"),
            Profile.of("h100-missing-gpu"), Profile.of("h100-xid79"), Profile.of("h100-remap-pending"),
            Profile.of("h100-nvlink-inactive"), Profile.of("h100-8-healthy", "dcgmi"), Profile.of("h100-ecc-uncorrectable"),
            Profile.of("h100-fm-wrong-version"), Profile.of("h100-pcie-width-degraded"), Profile.of("h100-low-busbw"));

    private static AcceptanceTestNodes instance;

    private final Path dir = Path.of("target", "acceptance-nodes").toAbsolutePath();
    private final List<Profile> profiles;
    private final List<Process> daemons = new ArrayList<>();
    private final int port;

    private AcceptanceTestNodes(List<Profile> profiles) {
        this.profiles = List.copyOf(profiles);
        this.port = freePort();
    }

    /** The nodes, started on first use with these profiles (later calls must ask for the same ones). */
    public static synchronized AcceptanceTestNodes shared(List<Profile> profiles) {
        if (instance == null) {
            instance = new AcceptanceTestNodes(profiles);
            instance.startAll(TestNodes.shared());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopAll));
        }
        if (!instance.profiles.equals(profiles)) {
            throw new IllegalStateException("the acceptance test nodes run " + instance.profiles + ", not " + profiles);
        }
        return instance;
    }

    public int count() {
        return profiles.size();
    }

    public String ip(int index) {
        return "127.0.9." + (index + 1);
    }

    public int port() {
        return port;
    }

    /** The node's own /tmp, as this machine sees it: where a test leaves a file for the node's fake tools. */
    public Path tmpOf(int index) {
        return dir.resolve("tmp-" + ip(index));
    }

    private void startAll(TestNodes shared) {
        try {
            Files.createDirectories(dir);
            Files.createDirectories(Path.of("/run/sshd"));
            Path hostKey = dir.resolve("host_ed25519");
            if (!Files.exists(hostKey)) {
                run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
            }
            Path authorized = dir.resolve("authorized_keys");
            Files.writeString(authorized, shared.publicKey());
            Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
            for (int i = 0; i < profiles.size(); i++) {
                daemons.add(startDaemon(i, hostKey, authorized));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the acceptance test nodes", e);
        }
    }

    private Process startDaemon(int index, Path hostKey, Path authorized) throws IOException {
        String ip = ip(index);
        Profile profile = profiles.get(index);
        Path config = dir.resolve("sshd-" + ip + ".conf");
        Files.writeString(config, """
                ListenAddress %s:%d
                HostKey %s
                PidFile %s
                AuthorizedKeysFile %s
                StrictModes no
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                MaxSessions 50
                MaxStartups 50
                Subsystem sftp internal-sftp
                SetEnv PATH=%s:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin ACCEPTANCE_PROFILE=%s ACCEPTANCE_PROFILES=%s
                """.formatted(ip, port, hostKey, dir.resolve("sshd-" + ip + ".pid"), authorized, toolsOf(ip, profile),
                profile.name(), allProfiles()));
        // Each node is a machine of its own: its own /tmp (where the role writes its reports), in a mount namespace.
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + ip));
        Process daemon = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$1\" /tmp && exec /usr/sbin/sshd -D -e -f \"$2\"", "sh", tmp.toString(), config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd-" + ip + ".log").toFile()).start();
        awaitListening(ip, daemon);
        return daemon;
    }

    private String allProfiles() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            all.add(ip(i) + "=" + profiles.get(i).name());
        }
        return String.join(",", all);
    }

    /** The node's own tool folder: a link to each fake tool it has. */
    private Path toolsOf(String ip, Profile profile) throws IOException {
        Path fakes = fakeTools();
        Path bin = dir.resolve("bin-" + ip);
        if (Files.exists(bin)) {
            try (var old = Files.list(bin)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(bin);
        try (var tools = Files.list(fakes)) {
            for (Path tool : tools.toList()) {
                if (!Files.isExecutable(tool)) {
                    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                String name = tool.getFileName().toString();
                if (!profile.missingTools().contains(name)) {
                    Files.createSymbolicLink(bin.resolve(name), tool.toRealPath());
                }
            }
        }
        return bin;
    }

    private static Path fakeTools() {
        try {
            return Path.of(AcceptanceTestNodes.class.getResource("/fake-acceptance-bin/fake-acceptance").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the fake tools under test resources fake-acceptance-bin/", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.9.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(String ip, Process daemon) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && daemon.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ip, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("sshd on " + ip + ":" + port + " did not start listening (see " + dir + ")");
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
