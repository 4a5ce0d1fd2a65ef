package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code xid}: the kernel log since boot filtered to NVIDIA lines ({@code journalctl -k -b ... | grep
 * -E 'NVRM|SXid|nvidia'}, or {@code dmesg -T}; any time format). A critical Xid
 * ({@link XidCatalogue#CRITICAL}), a "GPU has fallen off the bus" report without an Xid number, an
 * adapter that failed to initialise, or a Fatal NVSwitch SXid is FAIL; other Xids and Non-fatal
 * SXids are WARN. Empty output means grep found no NVIDIA line, which is PASS only because the role
 * writes an exit line when something else went wrong.
 */
@Component
class XidCheck implements AcceptanceCheck {

    static final String NAME = "xid";
    private static final Pattern XID = Pattern.compile("NVRM: Xid \\(PCI:([0-9A-Fa-f:.]+)\\): (\\d+)(?:, (.*))?");
    private static final Pattern SXID = Pattern.compile("(nvidia-nvswitch\\d*): SXid \\(PCI:([0-9A-Fa-f:.]+)\\): (\\d+), ([A-Za-z-]+)(.*)");
    private static final String BUS = "([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2})(?:\\.[0-9A-Fa-f])?";
    private static final Pattern OFF_BUS = Pattern.compile("NVRM: GPU (?:at PCI:)?" + BUS + ":? .*fallen off the bus",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_START = Pattern.compile("NVRM:|nvidia-nvswitch");
    private static final Pattern INIT_FAILED = Pattern.compile("NVRM: GPU ([0-9A-Fa-f:.]+): RmInitAdapter failed");
    private static final Pattern NVIDIA_LINE = Pattern.compile("NVRM|SXid|nvidia", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String report, NodeContext node) {
        ToolOutput output = ToolOutput.of(report);
        if (output.toolMissing()) {
            return output.missingToolError(NAME);
        }
        if (output.text().isEmpty()) {
            return HealthOutput.settle(CheckResult.fault(NAME, CheckVerdict.PASS, 0.0, 0.0, "critical Xid events",
                    "no NVIDIA kernel message since boot"), output, "the kernel log scan");
        }
        Events events = new Events();
        int nvidiaLines = 0;
        for (String line : output.text().split("\\R")) {
            if (NVIDIA_LINE.matcher(line).find()) {
                nvidiaLines++;
                events.read(line);
            }
        }
        if (nvidiaLines == 0) {
            return CheckResult.missingEvidence(NAME, "not a kernel log of NVIDIA lines: '" + HealthOutput.quote(output.text().lines().findFirst()
                    .orElse("")) + "'");
        }
        return HealthOutput.settle(events.verdict(nvidiaLines), output, "the kernel log scan");
    }

    /** What the log showed, grouped by (kind, device): the first line of each is quoted. */
    private static final class Events {

        private final Map<String, Event> critical = new LinkedHashMap<>();
        private final Map<String, Event> minor = new LinkedHashMap<>();
        private final Map<String, Event> offBus = new LinkedHashMap<>();

        void read(String line) {
            Matcher xid = XID.matcher(line);
            Matcher sxid = SXID.matcher(line);
            Matcher offBus = OFF_BUS.matcher(line);
            Matcher initFailed = INIT_FAILED.matcher(line);
            if (xid.find()) {
                int code = Integer.parseInt(xid.group(2));
                String what = "Xid " + code + " on GPU " + xid.group(1).toLowerCase(Locale.ROOT);
                add(XidCatalogue.CRITICAL.contains(code) ? critical : minor, what, XidCatalogue.action(code), line);
            } else if (sxid.find()) {
                boolean fatal = sxid.group(4).toLowerCase(Locale.ROOT).equals("fatal");
                String what = (fatal ? "Fatal" : "Non-fatal") + " SXid " + sxid.group(3) + " on " + sxid.group(1) + " (" + sxid.group(2) + ")";
                add(fatal ? critical : minor, what, fatal ? "reset the NVSwitch tray (reboot); RMA if it recurs"
                        : "NVSwitch link error; watch for repeats", line);
            } else if (offBus.find()) {
                String bus = offBus.group(1).toLowerCase(Locale.ROOT);
                this.offBus.computeIfAbsent(bus, key -> new Event("GPU " + bus + " has fallen off the bus (no Xid number)",
                        XidCatalogue.action(79), message(line))).count++;
            } else if (initFailed.find()) {
                add(critical, "GPU " + initFailed.group(1) + " failed to initialise (RmInitAdapter failed)",
                        "reboot; reseat or RMA the GPU if it recurs", line);
            }
        }

        private static void add(Map<String, Event> events, String what, String action, String line) {
            events.computeIfAbsent(what, key -> new Event(what, action, message(line))).count++;
        }

        /** The kernel message without the log's time and host prefix, which differs by tool. */
        private static String message(String line) {
            Matcher start = MESSAGE_START.matcher(line);
            return start.find() ? line.substring(start.start()) : line.strip();
        }

        CheckResult verdict(int lines) {
            offBus.forEach((bus, event) -> {
                if (critical.keySet().stream().noneMatch(what -> what.equals("Xid 79 on GPU " + bus))) {
                    critical.put(event.what, event);
                }
            });
            long count = critical.values().stream().mapToLong(event -> event.count).sum();
            if (!critical.isEmpty()) {
                return CheckResult.fault(NAME, CheckVerdict.FAIL, (double) count, 0.0, "critical Xid events", describe(critical)
                        + (minor.isEmpty() ? "" : "; also " + describe(minor)));
            }
            if (!minor.isEmpty()) {
                return CheckResult.fault(NAME, CheckVerdict.WARN, 0.0, 0.0, "critical Xid events", describe(minor));
            }
            return CheckResult.fault(NAME, CheckVerdict.PASS, 0.0, 0.0, "critical Xid events",
                    "no Xid or SXid in " + lines + " NVIDIA kernel lines since boot");
        }

        private static String describe(Map<String, Event> events) {
            List<String> said = new ArrayList<>();
            for (Event event : events.values()) {
                said.add(event.what + (event.count > 1 ? " (" + event.count + " times)" : "") + ": " + event.action + " [first: '"
                        + HealthOutput.quote(event.line) + "']");
            }
            return String.join("; ", said);
        }
    }

    private static final class Event {

        private final String what;
        private final String action;
        private final String line;
        private long count;

        Event(String what, String action, String line) {
            this.what = what;
            this.action = action;
            this.line = line;
        }
    }
}
