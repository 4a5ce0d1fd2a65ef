package io.devops.agent;

import io.devops.agent.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A growing PCIe replay counter ("Replays Since Reset" of {@code nvidia-smi -q -d PCIE}; the CSV
 * query has no such field): link errors the GPU recovered from by resending. A count that is high
 * but still is no finding (a healthy H100 shows dozens since boot); growth between two polls is.
 */
final class PcieReplays {

    static final List<String> COMMAND = List.of("nvidia-smi", "-q", "-d", "PCIE");

    private final Map<String, Long> before = new HashMap<>();

    /** Replays per GPU bus id; labels are padded differently by driver, so each line is split on its first colon. */
    static Map<String, Long> parse(String output) {
        Map<String, Long> replays = new LinkedHashMap<>();
        String gpu = null;
        for (String line : output.lines().toList()) {
            if (line.startsWith("GPU ")) {
                gpu = LogFindings.bus(line.substring(4).strip());
            } else if (gpu != null && line.contains(":") && line.substring(0, line.indexOf(':')).strip().equals("Replays Since Reset")) {
                try {
                    replays.put(gpu, Long.parseLong(line.substring(line.indexOf(':') + 1).strip()));
                } catch (NumberFormatException e) {
                    // "N/A": nothing to compare
                }
            }
        }
        return replays;
    }

    List<HealthFinding> findings(String output) {
        List<HealthFinding> findings = new ArrayList<>();
        parse(output).forEach((gpu, count) -> {
            Long previous = before.put(gpu, count);
            if (previous != null && count > previous) {
                findings.add(HealthFinding.occurrence("gpu", "PCIE_REPLAYS", gpu, Severity.WARNING,
                        "GPU " + gpu + ": " + (count - previous) + " PCIe replays since the last poll", "Replays Since Reset: "
                                + previous + " -> " + count));
            }
        });
        return findings;
    }
}
