package io.devops.platform.acceptance;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code nvbandwidth -t host_to_device_memcpy_ce -t device_to_host_memcpy_ce -t
 * device_to_device_memcpy_read_ce}: each GPU's host-device figure is the lower of its two copy
 * directions, its device-device figure the lowest read between it and any peer; the lowest GPU
 * decides against the lines for the model, and the message names it. The result's figure is the
 * device-device one (metric {@code device_device_gbps}, what the fleet's baseline keeps) unless the
 * host-device figure failed its line: then that one, named {@code host_device_gbps}, which no baseline judges.
 */
@Component
class NvbandwidthCheck implements AcceptanceCheck {

    static final String NAME = "nvbandwidth";
    static final String H2D = "host_to_device_memcpy_ce";
    static final String D2H = "device_to_host_memcpy_ce";
    static final String D2D = "device_to_device_memcpy_read_ce";
    static final String HOST_METRIC = "host_device_gbps";
    static final String PEER_METRIC = "device_device_gbps";
    private static final String UNIT = "GB/s";
    private static final String SOURCE = "github.com/NVIDIA/nvbandwidth";
    private final CurrentLines lines;

    NvbandwidthCheck(CurrentLines lines) {
        this.lines = lines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String output, NodeContext node) {
        ToolOutput tool = ToolOutput.of(output);
        if (tool.toolMissing()) {
            CheckResult missing = tool.missingToolError(NAME);
            return missing.message().contains(SOURCE) ? missing
                    : CheckResult.error(NAME, missing.message() + " (build it from " + SOURCE + ": no distribution packages it)");
        }
        if (tool.text().isEmpty()) {
            return CheckResult.missingEvidence(NAME, "nvbandwidth printed nothing" + Figures.exitNote(tool, "it"));
        }
        NvbandwidthParser.Parsed parsed = NvbandwidthParser.parse(tool.text());
        for (String testcase : List.of(H2D, D2H, D2D)) {
            NvbandwidthParser.Matrix matrix = parsed.testcases().get(testcase);
            if (matrix == null || !matrix.complete()) {
                return CheckResult.missingEvidence(NAME, "nvbandwidth gave no complete " + testcase + " result"
                        + (matrix == null ? " (not run)" : matrix.problem() != null ? ": " + matrix.problem() : " (cut short: no SUM line)")
                        + Figures.exitNote(tool, "nvbandwidth"));
            }
        }
        String model = parsed.devices().values().stream().distinct().count() == 1 ? parsed.devices().values().iterator().next()
                : parsed.devices().isEmpty() ? node.gpuType() : null;
        if (model == null) {
            return CheckResult.error(NAME, parsed.devices().isEmpty() ? "no GPU model: nvbandwidth listed no devices and the inventory"
                    + " declares none" : "nvbandwidth lists mixed GPU models " + parsed.devices().values().stream().distinct().toList());
        }
        if (!GpuModels.agree(node.gpuType(), model)) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, null, null, null, "nvbandwidth ran on " + model
                    + " but the inventory declares " + node.gpuType());
        }
        if (node.gpuCount() != null && !parsed.devices().isEmpty() && parsed.devices().size() != node.gpuCount()) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, (double) parsed.devices().size(), (double) node.gpuCount(), "GPUs",
                    "nvbandwidth sees " + parsed.devices().size() + " GPUs, the inventory declares " + node.gpuCount());
        }
        Integer gpus = parsed.devices().isEmpty() ? node.gpuCount() : Integer.valueOf(parsed.devices().size());
        return judge(parsed.testcases(), model, gpus, lines.current(), tool);
    }

    private static CheckResult judge(Map<String, NvbandwidthParser.Matrix> testcases, String model, Integer gpus, LineBook book,
                                     ToolOutput tool) {
        Lowest host = Lowest.host(testcases.get(H2D), testcases.get(D2H));
        Lowest peer = Lowest.peer(testcases.get(D2D));
        if (host == null || peer == null) {
            return CheckResult.missingEvidence(NAME, "nvbandwidth's matrices hold no " + (host == null ? "host-device" : "device-device") + " figure");
        }
        LineLookup hostLine = book.lookup(NAME, HOST_METRIC, model, gpus, 1, HOST_METRIC + " of " + model);
        LineLookup peerLine = book.lookup(NAME, PEER_METRIC, model, gpus, 1, PEER_METRIC + " of " + model);
        if (!hostLine.found() || !peerLine.found()) {
            return CheckResult.error(NAME, (hostLine.found() ? peerLine : hostLine).missing());
        }
        double hostMin = hostLine.line().minValue();
        double peerMin = peerLine.line().minValue();
        boolean hostOk = host.value() >= hostMin;
        boolean peerOk = peer.value() >= peerMin;
        String message = "host-device: lowest " + Figures.two(host.value()) + " GB/s on " + host.where() + (hostOk ? " reaches " : " is below ")
                + Figures.two(hostMin) + " GB/s; device-device: lowest " + Figures.two(peer.value()) + " GB/s on "
                + peer.where() + (peerOk ? " reaches " : " is below ") + Figures.two(peerMin) + " GB/s (" + model + ")";
        // The figure reported is device-device (the fleet's baseline for this check) unless host-device is what failed.
        Double measured = hostOk ? peer.value() : host.value();
        Double threshold = hostOk ? peerMin : hostMin;
        CheckVerdict verdict = hostOk && peerOk ? CheckVerdict.PASS : CheckVerdict.FAIL;
        CheckResult result = CheckResult.measured(NAME, verdict, measured, threshold, UNIT, message);
        return tool.settle(result.withMetric(hostOk ? PEER_METRIC : HOST_METRIC), "nvbandwidth");
    }

    /** The lowest figure of a kind and where it was measured ("GPU 3", "GPU 3 <- GPU 5"). */
    record Lowest(double value, String where) {

        static Lowest host(NvbandwidthParser.Matrix toDevice, NvbandwidthParser.Matrix toHost) {
            Lowest lowest = null;
            for (NvbandwidthParser.Matrix matrix : List.of(toDevice, toHost)) {
                for (double[] row : matrix.rows().values()) {
                    for (int gpu = 0; gpu < row.length; gpu++) {
                        String direction = matrix == toDevice ? " (host to device)" : " (device to host)";
                        lowest = lower(lowest, row[gpu], "GPU " + gpu + direction);
                    }
                }
            }
            return lowest;
        }

        static Lowest peer(NvbandwidthParser.Matrix reads) {
            Lowest lowest = null;
            for (var row : reads.rows().entrySet()) {
                for (int peer = 0; peer < row.getValue().length; peer++) {
                    lowest = lower(lowest, row.getValue()[peer], "GPU " + row.getKey() + " reading GPU " + peer);
                }
            }
            return lowest;
        }

        private static Lowest lower(Lowest lowest, double value, String where) {
            return Double.isNaN(value) || (lowest != null && lowest.value() <= value) ? lowest : new Lowest(value, where);
        }
    }
}
