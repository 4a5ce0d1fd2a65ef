package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitors polled for real: a kernel-log file the test writes and a fake nvidia-smi replaying CSV. */
class HealthMonitorTests {

    private static final String XID_79 = "Dec 07 10:00:01 gpu7 kernel: NVRM: Xid (PCI:0000:18:00): 79, pid=1234, name=python, "
            + "GPU has fallen off the bus.\n";

    @TempDir
    Path dir;

    private Path kernelLog;
    private Path gpus;
    private final Outbox outbox = new Outbox();

    @BeforeEach
    void node() throws IOException {
        kernelLog = Files.writeString(dir.resolve("kern.log"), "Dec 07 09:00:00 gpu7 kernel: NVRM: Xid (PCI:0000:18:00): 48, old\n");
        gpus = dir.resolve("gpus.csv");
        writeGpus(8);
        Path fake = dir.resolve("nvidia-smi");
        Files.writeString(fake, """
                #!/bin/sh
                case "$*" in
                  --query-gpu=*) cat "%s" ;;
                  "-q -d PCIE") printf 'GPU 00000000:18:00.0\n        Replays Since Reset : 0\n' ;;
                  "nvlink -s") printf 'GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1)\\n\\t Link 0: 26.562 GB/s\\n' ;;
                  *) echo "no recording for $*" >&2; exit 6 ;;
                esac
                """.formatted(gpus));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void anXidWrittenToTheKernelLogIsQueuedOnceAndLinesFromBeforeTheAgentAreNot() throws IOException {
        HealthMonitor monitor = monitor(dir.resolve("nvidia-smi").toString());
        assertThat(monitor.poll()).isEmpty();

        Files.writeString(kernelLog, XID_79, StandardOpenOption.APPEND);
        List<HealthEvent> events = monitor.poll();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo("xid|79|0000:18:00");
            assertThat(event.severity()).isEqualTo("CRITICAL");
            assertThat(event.evidence()).isEqualTo(XID_79.strip());
        });
        assertThat(outbox.pendingHealth()).containsExactlyElementsOf(events);
    }

    @Test
    void aRestartedAgentGoesOnWithItsConditionsAndUnsentEventsInsteadOfOpeningThemAgain() throws IOException {
        HealthMonitor before = monitor(dir.resolve("nvidia-smi").toString());
        before.poll();
        Files.writeString(kernelLog, XID_79, StandardOpenOption.APPEND);
        before.poll();

        Outbox fresh = new Outbox();
        HealthMonitor after = new HealthMonitor(settings(dir.resolve("nvidia-smi").toString()), fresh, dir, new ObjectMapper(),
                Clock.systemUTC());
        after.load();

        assertThat(fresh.pendingHealth()).extracting(HealthEvent::key).containsExactly("xid|79|0000:18:00");
        fresh.healthStored(fresh.pendingHealth());
        assertThat(after.poll()).isEmpty();
    }

    @Test
    void aGpuLostAfterTheFirstPollIsMissingAgainstTheCountFirstSeen() throws IOException {
        HealthMonitor monitor = monitor(dir.resolve("nvidia-smi").toString());
        monitor.poll();
        writeGpus(7);

        assertThat(monitor.poll()).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo("gpu|GPU_MISSING|node");
            assertThat(event.message()).contains("7 GPUs, 8 expected (the count this agent first saw");
        });
        writeGpus(8);
        assertThat(monitor.poll()).singleElement().satisfies(event -> assertThat(event.open()).isFalse());
    }

    @Test
    void aNodeWithoutNvidiaSmiHasNoGpuFindingAndTheOtherMonitorsGoOn() throws IOException {
        HealthMonitor monitor = monitor(dir.resolve("not-installed").toString());
        monitor.poll();
        Files.writeString(kernelLog, XID_79, StandardOpenOption.APPEND);

        assertThat(monitor.poll()).extracting(HealthEvent::key).containsExactly("xid|79|0000:18:00");
    }

    /** The cost on the node: CPU time of the agent's JVM and of the tools it ran, and heap kept, per poll. */
    @Test
    void onePollCostsFarLessThanOnePercentOfACore() throws IOException {
        HealthMonitor monitor = monitor(dir.resolve("nvidia-smi").toString());
        monitor.poll();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long cpuBefore = os.getProcessCpuTime() + childrenCpuNanos();
        int polls = 20;
        for (int i = 0; i < polls; i++) {
            Files.writeString(kernelLog, XID_79, StandardOpenOption.APPEND);
            monitor.poll();
        }
        long cpuPerPollMs = (os.getProcessCpuTime() + childrenCpuNanos() - cpuBefore) / polls / 1_000_000;
        System.gc();
        long heapKeptKb = (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() - heapBefore) / 1024;

        System.out.println("health monitor cost: " + cpuPerPollMs + " ms CPU per poll (agent JVM + nvidia-smi + sh), "
                + String.format("%.3f", cpuPerPollMs / 600.0) + " % of one core at a 60 s interval; heap kept after "
                + polls + " polls: " + heapKeptKb + " KiB");
        assertThat(cpuPerPollMs).as("CPU per poll, ms (1 %% of a core at 60 s = 600 ms)").isLessThan(600);
    }

    /** CPU time of this JVM's ended children (the tools each poll ran), from /proc/self/stat, in nanoseconds. */
    private static long childrenCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L; // cutime + cstime, 100 ticks a second
    }

    private HealthMonitor monitor(String nvidiaSmi) {
        return new HealthMonitor(settings(nvidiaSmi), outbox, dir, new ObjectMapper(), Clock.systemUTC());
    }

    private HealthSettings settings(String nvidiaSmi) {
        return new HealthSettings(Duration.ofSeconds(60), kernelLog.toString(), dir.resolve("fabricmanager.log"),
                dir.resolve("no-infiniband"), dir, null, nvidiaSmi, Duration.ofMinutes(10), Duration.ofMinutes(30));
    }

    private void writeGpus(int count) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(", ", GpuHealth.FIELDS)).append('\n');
        for (int i = 0; i < count; i++) {
            csv.append(i).append(", 00000000:").append(String.format("%02X", 0x18 + i)).append(":00.0, 0, 0, 0, No, No, No, 16, 16, ")
                    .append("Not Active, Not Active, Not Active\n");
        }
        Files.writeString(gpus, csv);
    }
}
