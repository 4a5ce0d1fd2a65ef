package io.devops.agent;

import io.devops.agent.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings in {@code nvidia-smi nvlink -s} (indented with a tab or spaces): links shown
 * {@code <inactive>}, and a GPU whose links are all inactive ("Unable to retrieve NVLink information
 * as all links are inactive"). The latter is a finding only on a node known to have NVLink (an
 * NVSwitch, or links seen active before): a PCIe GPU has none and says the same.
 */
final class NvlinkStatus {

    static final List<String> COMMAND = List.of("nvidia-smi", "nvlink", "-s");
    private static final Pattern GPU = Pattern.compile("^GPU (\\d+):");
    private static final Pattern LINK = Pattern.compile("^\\s*Link (\\d+): (.*)$");

    private NvlinkStatus() {
    }

    static List<HealthFinding> findings(String output, boolean nodeHasNvlink) {
        List<HealthFinding> findings = new ArrayList<>();
        String gpu = null;
        String gpuLine = null;
        List<String> inactive = new ArrayList<>();
        String firstInactive = null;
        for (String line : output.lines().toList()) {
            Matcher header = GPU.matcher(line);
            Matcher link = LINK.matcher(line);
            if (header.find()) {
                add(findings, gpu, inactive, firstInactive);
                gpu = "GPU " + header.group(1);
                gpuLine = line.strip();
                inactive = new ArrayList<>();
                firstInactive = null;
            } else if (link.find() && link.group(2).contains("inactive")) {
                inactive.add(link.group(1));
                firstInactive = firstInactive == null ? line.strip() : firstInactive;
            } else if (line.contains("all links are inactive") && nodeHasNvlink) {
                findings.add(HealthFinding.state("nvlink", "NVLINK_ALL_INACTIVE", gpu == null ? "node" : gpu, Severity.CRITICAL,
                        (gpu == null ? "" : gpu + ": ") + "every NVLink link is inactive", gpuLine + " / " + line.strip()));
            }
        }
        add(findings, gpu, inactive, firstInactive);
        return findings;
    }

    /** Whether any link shows a speed: the node has NVLink. */
    static boolean anyActive(String output) {
        return output.lines().map(LINK::matcher).anyMatch(m -> m.find() && m.group(2).contains("GB/s"));
    }

    private static void add(List<HealthFinding> findings, String gpu, List<String> inactive, String evidence) {
        if (gpu != null && !inactive.isEmpty()) {
            findings.add(HealthFinding.state("nvlink", "NVLINK_INACTIVE", gpu, Severity.WARNING,
                    gpu + ": NVLink link" + (inactive.size() > 1 ? "s " : " ") + String.join(", ", inactive) + " inactive", evidence));
        }
    }
}
