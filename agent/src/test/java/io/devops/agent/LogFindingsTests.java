package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.agent.HealthFinding.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogFindingsTests {

    @Test
    void readsEveryXid119OfARealDmesgWithTheGpuItNames() {
        List<String> lines = RealOutputs.lines("xid-119-gsp-timeout-dmesg-dell-xe9680.txt");
        long xidLines = lines.stream().filter(line -> line.contains("NVRM: Xid (PCI:")).count();

        List<HealthFinding> findings = LogFindings.kernel(lines);

        assertThat(findings).hasSize((int) xidLines).isNotEmpty();
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.key()).isEqualTo("xid|119|0000:9b:00");
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.message()).contains("GSP RPC timeout");
        });
        assertThat(findings.get(0).evidence()).startsWith("[Sun Feb 23 16:24:18 2025] NVRM: Xid (PCI:0000:9b:00): 119, pid=2024380");
    }

    @Test
    void applicationXidsOfARealIsoLogAreInfoAndCountedPerCode() {
        List<HealthFinding> findings = LogFindings.kernel(RealOutputs.lines("xid-13-43-dmesg-decode-iso.txt"));

        Map<String, Long> byKey = findings.stream().collect(Collectors.groupingBy(HealthFinding::key, Collectors.counting()));
        assertThat(byKey).containsExactlyInAnyOrderEntriesOf(Map.of("xid|13|0000:38:00", 629L, "xid|43|0000:38:00", 7L));
        assertThat(findings).allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void nvswitchErrorsOfARealFabricManagerLogAreNonFatalWarningsPerSwitch() {
        List<String> lines = RealOutputs.lines("fabricmanager-log-nvswitch-nonfatal-errors.txt");
        long errors = lines.stream().filter(line -> line.contains("detected NVSwitch non-fatal error")).count();

        List<HealthFinding> findings = LogFindings.fabricManager(lines);

        assertThat(findings).hasSize((int) errors).isNotEmpty();
        assertThat(findings).allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.WARNING));
        assertThat(findings.get(0).key()).isEqualTo("fabricmanager|12028|0000:83:00");
        assertThat(findings.stream().map(HealthFinding::subject).distinct()).contains("0000:84:00");
    }

    /** SOURCES.md calls this log INFO only, but it carries one non-fatal NVSwitch error among its multicast lines. */
    @Test
    void multicastLinesOfARealFabricManagerLogAreNoFindingButItsOneNvswitchErrorIs() {
        List<HealthFinding> findings = LogFindings.fabricManager(RealOutputs.lines("fabricmanager-log-multicast-team-setup.txt"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("fabricmanager|12028|0000:86:00");
            assertThat(finding.evidence()).contains("[ERROR]").contains("port 61");
        });
    }

    @Test
    void xid79AndTheFallenOffTheBusReportWithoutANumberAreOneCriticalCondition() {
        List<HealthFinding> findings = LogFindings.kernel(List.of(
                "Dec 07 10:00:01 gpu7 kernel: NVRM: Xid (PCI:0000:3b:00): 79, pid=1234, name=python, GPU has fallen off the bus.",
                "Dec 07 10:05:00 gpu8 kernel: NVRM: GPU at PCI:0000:5d:00: GPU-2c4e6a88-7b9d-4f1e-a3c5-e7f9b1d3c504",
                "Dec 07 10:05:00 gpu8 kernel: NVRM: GPU Board Serial Number: 1652823054321",
                "Dec 07 10:05:00 gpu8 kernel: NVRM: GPU 0000:5d:00.0: GPU has fallen off the bus."));

        assertThat(findings).extracting(HealthFinding::key).containsExactly("xid|79|0000:3b:00", "xid|79|0000:5d:00");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(findings.get(1).message()).contains("without an Xid number");
    }

    @Test
    void aFallenOffTheBusLineNamingNoGpuBelongsToTheGpuNamedBeforeIt() {
        List<HealthFinding> findings = LogFindings.kernel(List.of(
                "kernel: NVRM: GPU at PCI:0000:ab:00: GPU-8d0f2b44-6e8a-4c0d-b2f4-a6c8e0b2d406",
                "kernel: NVRM: The GPU has fallen off the bus."));

        assertThat(findings).extracting(HealthFinding::key).containsExactly("xid|79|0000:ab:00");
    }

    @Test
    void sxidSeverityFollowsFatalOrNonFatalAndUnknownXidsWarn() {
        List<HealthFinding> findings = LogFindings.kernel(List.of(
                "kernel: nvidia-nvswitch3: SXid (PCI:0000:86:00.0): 24007, Fatal, Link 44 sourcetrack timeout error",
                "kernel: nvidia-nvswitch0: SXid (PCI:0000:83:00.0): 12028, Non-fatal, Link 32 egress non-posted PRIV error",
                "kernel: NVRM: Xid (PCI:0000:18:00): 999, pid=1, name=x, something new"));

        assertThat(findings).extracting(HealthFinding::key, HealthFinding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sxid|24007|0000:86:00", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("sxid|12028|0000:83:00", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("xid|999|0000:18:00", Severity.WARNING));
    }

    @Test
    void nvidiaSmiAndKernelBusIdsNameTheSameGpu() {
        assertThat(LogFindings.bus("00000000:9B:00.0")).isEqualTo(LogFindings.bus("0000:9b:00")).isEqualTo("0000:9b:00");
    }
}
