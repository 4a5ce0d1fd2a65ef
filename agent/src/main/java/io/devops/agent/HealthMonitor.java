package io.devops.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The passive monitors, polled every {@link HealthSettings#interval()}: the kernel log and Fabric
 * Manager's log (new lines only), nvidia-smi's GPU counters, PCIe replays and NVLink status, Fabric
 * Manager's service, InfiniBand ports and the root file system. Findings become conditions
 * ({@link HealthConditions}) whose events wait in the {@link Outbox} until the server stored them.
 * Open conditions, unsent events and the logs' positions are kept in {@code health-state.json} in
 * the work dir, so that neither a server restart nor an agent restart loses or repeats one. A tool
 * the node lacks is no finding; a monitor that cannot look clears nothing.
 */
final class HealthMonitor {

    static final String STATE_FILE = "health-state.json";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    private final HealthSettings settings;
    private final Outbox outbox;
    private final Path stateFile;
    private final ObjectMapper json;
    private final Clock clock;
    private final HealthConditions conditions;
    private final LogTail kernelLog;
    private final LogTail fabricManagerLog;
    private final HostHealth host = new HostHealth();
    private final PcieReplays replays = new PcieReplays();
    private final Set<String> blind = new HashSet<>();
    private boolean oldClockFieldNames;
    private Integer firstGpuCount;
    private boolean nodeHasNvlink;
    private String lastSaved;

    HealthMonitor(HealthSettings settings, Outbox outbox, Path workDir, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.stateFile = workDir.resolve(STATE_FILE);
        this.json = json;
        this.clock = clock;
        this.conditions = new HealthConditions(settings.resend(), settings.quiet());
        this.kernelLog = LogTail.of(settings.kernelLog());
        this.fabricManagerLog = LogTail.of(settings.fabricManagerLog().toString());
    }

    void run() {
        load();
        nodeHasNvlink = Probes.run(List.of("lspci", "-nn")).map(Fabric::hasNvswitch).orElse(false);
        Log.info("health monitors: every " + settings.interval().toSeconds() + " s; kernel log from " + settings.kernelLog()
                + (settings.expectedGpus() == null ? "; expected GPU count: the count first seen (expected-gpus not set)"
                : "; expected GPUs: " + settings.expectedGpus()));
        while (true) {
            try {
                poll();
                Thread.sleep(settings.interval().toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Log.warn("a health poll failed: " + e); // the next poll tries again: a monitor's bug must not stop the others
                try {
                    Thread.sleep(settings.interval().toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** One poll of every monitor; returns the events it queued. */
    List<HealthEvent> poll() {
        Set<String> looked = new HashSet<>();
        Map<String, List<HealthFinding>> findings = new LinkedHashMap<>();
        look("kernel-log", kernelLog.newLines().map(LogFindings::kernel), looked, findings);
        look("fabricmanager-log", fabricManagerLog.newLines().map(LogFindings::fabricManager), looked, findings);
        look("gpu", gpus(), looked, findings);
        look("nvlink", nvlink(), looked, findings);
        look("pcie", tool(PcieReplays.COMMAND).map(replays::findings), looked, findings);
        look("fabricmanager", HostHealth.fabricManager(), looked, findings);
        look("infiniband", host.infiniband(settings.infinibandRoot()), looked, findings);
        look("disk", HostHealth.disk(settings.rootFs()), looked, findings);
        List<HealthEvent> events = conditions.update(looked, findings, clock.instant());
        outbox.health(events);
        save();
        return events;
    }

    /** Records what a monitor found; one that cannot look says so in the agent's log once, and again when it can. */
    private void look(String monitor, Optional<List<HealthFinding>> result, Set<String> looked,
                      Map<String, List<HealthFinding>> findings) {
        if (result.isPresent()) {
            looked.add(monitor);
            findings.put(monitor, result.get());
            if (blind.remove(monitor)) {
                Log.info("health monitor " + monitor + " is watching again");
            }
        } else if (blind.add(monitor)) {
            Log.warn("health monitor " + monitor + " cannot look (its tool or file is missing, unreadable or failing): "
                    + "its conditions are not watched and none of them clears");
        }
    }

    private Optional<List<HealthFinding>> gpus() {
        Tool.Result result = Tool.run(GpuHealth.query(oldClockFieldNames).stream().map(this::tool).toList(), TOOL_TIMEOUT);
        if (!result.ok() && !oldClockFieldNames && result.output().contains("valid field")) {
            oldClockFieldNames = true;
            result = Tool.run(GpuHealth.query(true).stream().map(this::tool).toList(), TOOL_TIMEOUT);
        }
        if (result.missing()) {
            return Optional.empty();
        }
        Integer expected = settings.expectedGpus() != null ? settings.expectedGpus() : firstGpuCount;
        if (!result.ok()) {
            // nvidia-smi is there but fails (driver gone, GPU lost): a finding only where GPUs are expected.
            return expected == null || expected == 0 ? Optional.empty() : Optional.of(GpuHealth.count(0, expected, source(),
                    "nvidia-smi exit " + result.exitCode() + ": " + result.output().lines().findFirst().orElse("")));
        }
        List<GpuHealth.Gpu> gpus = GpuHealth.parse(result.output());
        if (firstGpuCount == null && !gpus.isEmpty()) {
            firstGpuCount = gpus.size();
        }
        expected = settings.expectedGpus() != null ? settings.expectedGpus() : firstGpuCount;
        List<HealthFinding> findings = new java.util.ArrayList<>(GpuHealth.findings(gpus));
        if (expected != null) {
            findings.addAll(GpuHealth.count(gpus.size(), expected, source(), "nvidia-smi --query-gpu listed " + gpus.size() + " GPUs"));
        }
        return Optional.of(findings);
    }

    private String source() {
        return settings.expectedGpus() != null ? "the node's spec (expected-gpus)"
                : "the count this agent first saw: expected-gpus is not set, so a GPU missing from the start goes unnoticed";
    }

    private Optional<List<HealthFinding>> nvlink() {
        return tool(NvlinkStatus.COMMAND).map(output -> {
            nodeHasNvlink |= NvlinkStatus.anyActive(output);
            return NvlinkStatus.findings(output, nodeHasNvlink);
        });
    }

    /** A tool's output when it ran and succeeded; empty when it is missing or failed (nothing to judge). */
    private Optional<String> tool(List<String> command) {
        Tool.Result result = Tool.run(command.stream().map(this::tool).toList(), TOOL_TIMEOUT);
        return result.ok() ? Optional.of(result.output()) : Optional.empty();
    }

    private String tool(String word) {
        return word.equals("nvidia-smi") ? settings.nvidiaSmi() : word;
    }

    /** What the state file holds. */
    record State(List<HealthConditions.Saved> conditions, List<HealthEvent> unsent, String kernelLog,
                 String fabricManagerLog, Integer firstGpuCount) {
    }

    private void save() {
        State state = new State(conditions.saved(), outbox.pendingHealth(), kernelLog.position(), fabricManagerLog.position(),
                firstGpuCount);
        try {
            String text = json.writeValueAsString(state);
            if (text.equals(lastSaved)) {
                return;
            }
            Path temporary = stateFile.resolveSibling(STATE_FILE + ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastSaved = text;
        } catch (IOException e) {
            Log.warn("cannot save the health state in " + stateFile + ": " + e.getMessage());
        }
    }

    void load() {
        if (!Files.exists(stateFile)) {
            return;
        }
        try {
            State state = json.readValue(stateFile.toFile(), State.class);
            conditions.restore(state.conditions() == null ? List.of() : state.conditions());
            outbox.health(state.unsent() == null ? List.of() : state.unsent());
            kernelLog.restore(state.kernelLog());
            fabricManagerLog.restore(state.fabricManagerLog());
            firstGpuCount = state.firstGpuCount();
        } catch (IOException | RuntimeException e) {
            Log.warn("cannot read the health state in " + stateFile + " (" + e.getMessage() + "); starting afresh");
        }
    }
}
