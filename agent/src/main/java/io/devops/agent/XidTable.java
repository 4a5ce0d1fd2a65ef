package io.devops.agent;

import io.devops.agent.HealthFinding.Severity;
import java.util.Map;

/**
 * The default severity of an NVIDIA Xid, after gpud's action table built from NVIDIA's Xid catalogue
 * (../shared/reference/gpu-acceptance.md §7): reboot-and-inspect codes are CRITICAL, inspect-only
 * ones WARNING, the application's own faults and the codes to ignore INFO; a code not listed is
 * WARNING. The server's health policy (a later item) decides what is done about each.
 */
final class XidTable {

    record Entry(Severity severity, String meaning) {
    }

    private static final Entry UNKNOWN = new Entry(Severity.WARNING, "not in the agent's Xid table");

    static final Map<Integer, Entry> ENTRIES = Map.ofEntries(
            Map.entry(13, new Entry(Severity.INFO, "graphics engine exception (usually the application's fault)")),
            Map.entry(31, new Entry(Severity.INFO, "GPU memory page fault (usually the application's fault)")),
            Map.entry(32, new Entry(Severity.CRITICAL, "invalid or corrupted push buffer stream")),
            Map.entry(38, new Entry(Severity.CRITICAL, "driver firmware error")),
            Map.entry(43, new Entry(Severity.INFO, "GPU stopped processing: a channel was reset (usually the application's fault)")),
            Map.entry(44, new Entry(Severity.CRITICAL, "graphics engine fault during a context switch")),
            Map.entry(45, new Entry(Severity.INFO, "preemptive cleanup after an earlier error")),
            Map.entry(48, new Entry(Severity.CRITICAL, "double-bit ECC error")),
            Map.entry(62, new Entry(Severity.CRITICAL, "internal micro-controller halt")),
            Map.entry(63, new Entry(Severity.CRITICAL, "ECC page retirement or row remapping recording event")),
            Map.entry(64, new Entry(Severity.CRITICAL, "ECC page retirement or row remapping recording failure")),
            Map.entry(65, new Entry(Severity.CRITICAL, "video processor exception")),
            Map.entry(68, new Entry(Severity.CRITICAL, "video decoder (NVDEC) exception")),
            Map.entry(69, new Entry(Severity.CRITICAL, "graphics engine class error")),
            Map.entry(74, new Entry(Severity.CRITICAL, "NVLink error")),
            Map.entry(79, new Entry(Severity.CRITICAL, "GPU has fallen off the bus")),
            Map.entry(81, new Entry(Severity.WARNING, "VGA subsystem error")),
            Map.entry(92, new Entry(Severity.INFO, "high single-bit ECC error rate")),
            Map.entry(94, new Entry(Severity.WARNING, "contained ECC error")),
            Map.entry(95, new Entry(Severity.CRITICAL, "uncontained ECC error")),
            Map.entry(110, new Entry(Severity.CRITICAL, "security fault error")),
            Map.entry(119, new Entry(Severity.CRITICAL, "GSP RPC timeout")),
            Map.entry(120, new Entry(Severity.CRITICAL, "GSP error")),
            Map.entry(121, new Entry(Severity.CRITICAL, "C2C link error")),
            Map.entry(123, new Entry(Severity.CRITICAL, "SPI PMU RPC write failure")),
            Map.entry(137, new Entry(Severity.INFO, "NVLink FLA privilege error (usually the application's fault)")),
            Map.entry(140, new Entry(Severity.CRITICAL, "unrecovered ECC error")),
            Map.entry(143, new Entry(Severity.WARNING, "GPU initialization failure")));

    private XidTable() {
    }

    static Entry of(int code) {
        return ENTRIES.getOrDefault(code, UNKNOWN);
    }
}
