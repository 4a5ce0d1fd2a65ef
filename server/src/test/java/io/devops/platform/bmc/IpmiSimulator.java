package io.devops.platform.bmc;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BMC for tests: OpenIPMI's {@code ipmi_sim} (Debian package openipmi) on 127.0.0.5 and a
 * free UDP port, with one ADMIN user. Its chassis is a script the simulator calls for every power
 * get and set: it keeps the power state in a file and logs each call, so a test sees what the
 * BMC was asked to do.
 */
final class IpmiSimulator implements AutoCloseable {

    static final String ADDRESS = "127.0.0.5";

    private final Path directory;
    private final int port;
    private final Process process;

    private IpmiSimulator(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    static IpmiSimulator start(Path directory, String user, String password) throws IOException, InterruptedException {
        int port = freeUdpPort();
        Path chassis = directory.resolve("chassis.sh");
        Files.writeString(chassis, chassisScript(directory));
        Files.setPosixFilePermissions(chassis, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(directory.resolve("power.state"), "1\n");
        Files.writeString(directory.resolve("lan.conf"), lanConf(port, chassis, user, password));
        Files.writeString(directory.resolve("bmc.emu"), """
                mc_setbmc 0x20
                mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
                mc_enable 0x20
                """);
        Path state = Files.createDirectories(directory.resolve("state"));
        Process process = new ProcessBuilder(List.of("ipmi_sim", "-c", directory.resolve("lan.conf").toString(),
                "-f", directory.resolve("bmc.emu").toString(), "-s", state.toString(), "-n"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("ipmi_sim.out").toFile()).start();
        IpmiSimulator simulator = new IpmiSimulator(directory, port, process);
        simulator.awaitListening();
        return simulator;
    }

    int port() {
        return port;
    }

    /** Every chassis call the simulator made, such as "get power" or "set power 0". */
    List<String> chassisCalls() throws IOException {
        Path log = directory.resolve("chassis.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    String simulatorOutput() throws IOException {
        return Files.readString(directory.resolve("ipmi_sim.out"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A free UDP port on the simulator's address: taken, then given back for ipmi_sim. */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(ADDRESS))) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ipmi_sim exited: " + simulatorOutput());
            }
            if (bound()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ipmi_sim did not bind " + ADDRESS + ":" + port + ": " + simulatorOutput());
    }

    /** Whether the UDP port is bound, read from the kernel's table (a test bind would race ipmi_sim). */
    private boolean bound() throws IOException {
        String local = String.format(":%04X ", port);
        return Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(line -> line.contains(local));
    }

    private static String lanConf(int port, Path chassis, String user, String password) {
        return """
                name "platformtest"
                set_working_mc 0x20
                  startlan 1
                    addr %s %d
                    priv_limit admin
                    allowed_auths_callback none md2 md5 straight
                    allowed_auths_user none md2 md5 straight
                    allowed_auths_operator none md2 md5 straight
                    allowed_auths_admin none md2 md5 straight
                    guid a123456789abcdefa123456789abcdef
                  endlan
                  chassis_control "%s 0x20"
                  user 2 true "%s" "%s" admin 10 none md2 md5 straight
                """.formatted(ADDRESS, port, chassis, user, password);
    }

    /** ipmi_sim calls it as {@code chassis.sh 0x20 get power ...} or {@code chassis.sh 0x20 set power 0|1}. */
    private static String chassisScript(Path directory) {
        return """
                #!/bin/sh
                dir='%s'
                shift
                op=$1
                shift
                echo "$op $*" >> "$dir/chassis.log"
                if [ "$op" = get ]; then
                  for parameter in "$@"; do
                    [ "$parameter" = power ] && echo "power:$(cat "$dir/power.state")"
                  done
                else
                  while [ $# -gt 1 ]; do
                    [ "$1" = power ] && echo "$2" > "$dir/power.state"
                    shift 2
                  done
                fi
                exit 0
                """.formatted(directory);
    }
}
