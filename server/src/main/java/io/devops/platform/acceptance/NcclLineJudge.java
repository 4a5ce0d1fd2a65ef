package io.devops.platform.acceptance;

/**
 * What the single-node and the multi-node NCCL checks share: read all_reduce_perf's table, check the
 * GPUs it ran on against the inventory, and judge the out-of-place busbw at the largest size against
 * the line the caller picks (never the single-node line for a multi-node run).
 */
final class NcclLineJudge {

    static final String METRIC = "busbw_gbps";
    static final String UNIT = "GB/s";

    private NcclLineJudge() {
    }

    /** The line for a run's GPUs, or why there is none. */
    interface LinePicker {
        LineLookup pick(String model, int gpusPerNode, NcclDevices devices);
    }

    static CheckResult judge(String check, String report, NodeContext node, LinePicker picker) {
        ToolOutput tool = ToolOutput.of(report);
        if (tool.toolMissing()) {
            return tool.missingToolError(check);
        }
        if (tool.text().isEmpty()) {
            return CheckResult.missingEvidence(check, "all_reduce_perf printed nothing" + Figures.exitNote(tool, "it"));
        }
        NcclTable table = AllReducePerfParser.parse(tool.text());
        if (!table.isParsed()) {
            return CheckResult.missingEvidence(check, "all_reduce_perf's output cannot be judged: " + table.notParsed()
                    + Figures.exitNote(tool, "all_reduce_perf") + "; last line: '" + Figures.lastLine(tool.text()) + "'");
        }
        NcclDevices devices = NcclDevices.of(tool.text());
        int nodes = Math.max(1, node.nodeCount());
        String model = devices.model() != null ? devices.model() : node.gpuType();
        if (devices.models().size() > 1) {
            return fail(check, null, null, null, "all_reduce_perf ran on mixed GPU models " + devices.models());
        }
        if (model == null) {
            return CheckResult.error(check, "no GPU model: all_reduce_perf's output has no device lines and the inventory declares none");
        }
        if (!GpuModels.agree(node.gpuType(), model)) {
            return fail(check, null, null, null, "all_reduce_perf ran on " + model + " but the inventory declares " + node.gpuType());
        }
        if (nodes > 1 && devices.hosts().size() != nodes && !devices.hosts().isEmpty()) {
            return fail(check, null, null, null, "all_reduce_perf ran on " + devices.hosts().size() + " host(s) " + devices.hosts()
                    + ", not on the " + nodes + " nodes of the test");
        }
        Integer expectedRanks = node.gpuCount() == null ? null : node.gpuCount() * nodes;
        if (expectedRanks != null && devices.ranks() > 0 && devices.ranks() != expectedRanks) {
            return fail(check, (double) devices.ranks(), (double) expectedRanks, "GPUs", "all_reduce_perf ran on " + devices.ranks()
                    + " GPUs but " + (nodes > 1 ? nodes + " nodes of " : "") + node.gpuCount() + " GPUs make " + expectedRanks);
        }
        int ranks = devices.ranks() > 0 ? devices.ranks() : expectedRanks == null ? 0 : expectedRanks;
        BandwidthPoint largest = table.largest();
        String figures = Figures.two(largest.busBwGbps()) + " GB/s busbw at " + Sizes.human(largest.sizeBytes());
        if (table.wrongValues() > 0 || table.outOfBoundsFailed()) {
            return fail(check, largest.busBwGbps(), null, UNIT, "the all-reduce result is wrong: all_reduce_perf counted "
                    + table.wrongValues() + " wrong values" + (table.outOfBoundsFailed() ? " and out-of-bounds values FAILED" : "")
                    + "; " + figures);
        }
        if (ranks == 0) {
            return CheckResult.error(check, "no GPU count: all_reduce_perf's output has no device lines and the inventory declares none");
        }
        LineLookup picked = picker.pick(model, ranks / nodes, devices);
        if (!picked.found()) {
            return picked.error(check, largest.busBwGbps(), UNIT, figures);
        }
        AcceptanceLine line = picked.line();
        boolean reaches = largest.busBwGbps() >= line.minValue();
        String message = figures + " on " + ranks + " x " + model + (reaches ? " reaches " : " is below ") + "the line of "
                + Figures.two(line.minValue()) + " GB/s (" + line.describe() + ")" + (picked.note() == null ? "" : "; " + picked.note());
        CheckVerdict verdict = reaches ? CheckVerdict.PASS : CheckVerdict.FAIL;
        return tool.settle(CheckResult.measured(check, verdict, largest.busBwGbps(), line.minValue(), UNIT, message), "all_reduce_perf");
    }

    private static CheckResult fail(String check, Double measured, Double threshold, String unit, String message) {
        return CheckResult.fault(check, CheckVerdict.FAIL, measured, threshold, unit, message);
    }
}
