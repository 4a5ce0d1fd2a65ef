package io.devops.agent;

import io.devops.agent.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings in new kernel-log and Fabric Manager log lines, whatever the time format in front of them
 * ({@code dmesg -T}, ISO, syslog): NVRM Xid lines, NVSwitch SXid lines, the "GPU has fallen off the
 * bus" report that newer drivers print over several lines without an Xid number (counted as Xid 79
 * on the GPU the report names, or the one named by the "GPU at PCI:" line before it), and Fabric
 * Manager's "detected NVSwitch ... error" lines.
 */
final class LogFindings {

    private static final Pattern XID = Pattern.compile("NVRM: Xid \\(PCI:([0-9A-Fa-f:.]+)\\): (\\d+)");
    private static final Pattern SXID = Pattern.compile("SXid \\(PCI:([0-9A-Fa-f:.]+)\\): (\\d+), ([A-Za-z-]+)");
    private static final Pattern BUS = Pattern.compile("([0-9A-Fa-f]{4,8}):([0-9A-Fa-f]{2}):([0-9A-Fa-f]{2})");
    private static final Pattern GPU_AT = Pattern.compile("NVRM: GPU at PCI:([0-9A-Fa-f:.]+)");
    private static final Pattern FM_ERROR = Pattern.compile(
            "detected NVSwitch (non-fatal|fatal) error (\\d+) .*?pci bus id ([0-9A-Fa-f:.]+)", Pattern.CASE_INSENSITIVE);

    private LogFindings() {
    }

    static List<HealthFinding> kernel(List<String> lines) {
        List<HealthFinding> findings = new ArrayList<>();
        String lastGpu = null;
        for (String line : lines) {
            Matcher gpuAt = GPU_AT.matcher(line);
            if (gpuAt.find()) {
                lastGpu = bus(gpuAt.group(1));
            }
            Matcher xid = XID.matcher(line);
            Matcher sxid = SXID.matcher(line);
            if (xid.find()) {
                int code = Integer.parseInt(xid.group(2));
                XidTable.Entry entry = XidTable.of(code);
                findings.add(HealthFinding.occurrence("xid", String.valueOf(code), bus(xid.group(1)), entry.severity(),
                        "Xid " + code + " on GPU " + bus(xid.group(1)) + ": " + entry.meaning(), line));
            } else if (sxid.find()) {
                boolean fatal = sxid.group(3).equalsIgnoreCase("Fatal");
                findings.add(HealthFinding.occurrence("sxid", sxid.group(2), bus(sxid.group(1)),
                        fatal ? Severity.CRITICAL : Severity.WARNING,
                        (fatal ? "fatal" : "non-fatal") + " NVSwitch SXid " + sxid.group(2) + " on " + bus(sxid.group(1)), line));
            } else if (line.contains("NVRM") && line.toLowerCase(Locale.ROOT).contains("fallen off the bus")) {
                Matcher bus = BUS.matcher(line.substring(line.indexOf("NVRM")));
                String gpu = bus.find() ? bus(bus.group()) : lastGpu != null ? lastGpu : "unknown";
                findings.add(HealthFinding.occurrence("xid", "79", gpu, Severity.CRITICAL,
                        "GPU " + gpu + " has fallen off the bus (reported without an Xid number; counted as Xid 79)", line));
            }
        }
        return findings;
    }

    static List<HealthFinding> fabricManager(List<String> lines) {
        List<HealthFinding> findings = new ArrayList<>();
        for (String line : lines) {
            Matcher error = FM_ERROR.matcher(line);
            if (error.find()) {
                boolean fatal = error.group(1).equalsIgnoreCase("fatal");
                String nvswitch = bus(error.group(3));
                findings.add(HealthFinding.occurrence("fabricmanager", error.group(2), nvswitch,
                        fatal ? Severity.CRITICAL : Severity.WARNING,
                        "Fabric Manager logged " + (fatal ? "a fatal" : "a non-fatal") + " NVSwitch error " + error.group(2)
                                + " on NVSwitch " + nvswitch, line));
            }
        }
        return findings;
    }

    /**
     * A PCI address as the kernel log writes it ({@code 0000:9b:00}), whichever form came in:
     * nvidia-smi's {@code 00000000:9B:00.0} names the same GPU.
     */
    static String bus(String address) {
        Matcher m = BUS.matcher(address);
        if (!m.find()) {
            return address.toLowerCase(Locale.ROOT);
        }
        String domain = m.group(1);
        return (domain.substring(domain.length() - 4) + ":" + m.group(2) + ":" + m.group(3)).toLowerCase(Locale.ROOT);
    }
}
