package io.devops.agent;

import io.devops.agent.HealthFinding.Severity;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The node's own findings: Fabric Manager's service state, InfiniBand ports and the root file system. */
final class HostHealth {

    static final int FULL_PERCENT = 90;
    private static final List<Path> UNIT_DIRS = List.of(Path.of("/etc/systemd/system"), Path.of("/usr/lib/systemd/system"),
            Path.of("/lib/systemd/system"));

    private final Map<String, Long> linkDowned = new HashMap<>();
    private final Set<String> seenActive = new HashSet<>();

    /**
     * {@code systemctl is-active nvidia-fabricmanager}, asked only where the unit is installed
     * (elsewhere it says "inactive" too): anything but "active" is a finding.
     */
    static Optional<List<HealthFinding>> fabricManager() {
        if (UNIT_DIRS.stream().noneMatch(dir -> Files.exists(dir.resolve("nvidia-fabricmanager.service")))) {
            return Optional.empty();
        }
        Tool.Result result = Tool.run(List.of("systemctl", "is-active", "nvidia-fabricmanager"), java.time.Duration.ofSeconds(10));
        return result.missing() ? Optional.empty() : Optional.of(fabricManager(result.output()));
    }

    static List<HealthFinding> fabricManager(String isActive) {
        String state = isActive.strip();
        return state.equals("active") ? List.of() : List.of(HealthFinding.state("fabricmanager", "FABRIC_MANAGER_INACTIVE",
                "nvidia-fabricmanager", Severity.CRITICAL, "Fabric Manager is " + (state.isEmpty() ? "not running" : state)
                        + ": NVSwitch GPUs cannot use NVLink", "systemctl is-active nvidia-fabricmanager: " + state));
    }

    /**
     * Every port under {@code root} ({@code /sys/class/infiniband}): a port not ACTIVE is down
     * (CRITICAL once this agent has seen it active, WARNING if it never was: it may be unused), and
     * a {@code link_downed} counter that grew since the last poll is a link flap.
     */
    Optional<List<HealthFinding>> infiniband(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<HealthFinding> findings = new ArrayList<>();
        for (Path device : FactsCollector.list(root)) {
            for (Path port : FactsCollector.list(device.resolve("ports"))) {
                String name = device.getFileName() + "/" + port.getFileName();
                Probes.read(port.resolve("state")).ifPresent(state -> portState(findings, name, state));
                Probes.read(port.resolve("counters/link_downed")).ifPresent(count -> flaps(findings, name, count));
            }
        }
        return Optional.of(findings);
    }

    private void portState(List<HealthFinding> findings, String port, String state) {
        if (state.contains("ACTIVE")) {
            seenActive.add(port);
            return;
        }
        boolean lost = seenActive.contains(port);
        findings.add(HealthFinding.state("infiniband", "IB_PORT_DOWN", port, lost ? Severity.CRITICAL : Severity.WARNING,
                "InfiniBand port " + port + " is " + state + (lost ? " (it was active)" : " (not seen active since the agent started)"),
                port + "/state: " + state));
    }

    private void flaps(List<HealthFinding> findings, String port, String text) {
        long count;
        try {
            count = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return;
        }
        Long before = linkDowned.put(port, count);
        if (before != null && count > before) {
            findings.add(HealthFinding.occurrence("infiniband", "IB_LINK_DOWNED", port, Severity.WARNING,
                    "InfiniBand port " + port + " went down " + (count - before) + " time(s) since the last poll (link flap)",
                    port + "/counters/link_downed: " + before + " -> " + count));
        }
    }

    /** The file system holding {@code path} over {@link #FULL_PERCENT} % full. */
    static Optional<List<HealthFinding>> disk(Path path) {
        try {
            FileStore store = Files.getFileStore(path);
            long total = store.getTotalSpace();
            long used = total - store.getUnallocatedSpace();
            return Optional.of(disk(path.toString(), used, total));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static List<HealthFinding> disk(String path, long used, long total) {
        if (total <= 0 || used * 100 <= (long) FULL_PERCENT * total) {
            return List.of();
        }
        long percent = used * 100 / total;
        return List.of(HealthFinding.state("disk", "FS_FULL", path, Severity.WARNING,
                "the file system of " + path + " is " + percent + " % full (over " + FULL_PERCENT + " %)",
                path + ": " + used / (1024 * 1024) + " MiB used of " + total / (1024 * 1024) + " MiB"));
    }
}
