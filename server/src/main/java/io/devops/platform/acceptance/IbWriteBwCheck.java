package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code ib_write_bw -d <hca> --use_cuda=<gpu> --report_gbits} loopback on every HCA: each HCA's BW
 * average (its lowest row, server or client) against the line for the node's GPU class (NDR for
 * H100/H200, HDR for A100); the worst HCA is named. An HCA without a result fails the node.
 */
@Component
class IbWriteBwCheck implements AcceptanceCheck {

    static final String NAME = "ib_write_bw";
    static final String METRIC = "bw_avg_gbits";
    private static final String UNIT = "Gb/s";
    private final CurrentLines lines;

    IbWriteBwCheck(CurrentLines lines) {
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
            return tool.missingToolError(NAME);
        }
        Map<String, IbWriteBwParser.Block> blocks = IbWriteBwParser.parse(tool.text());
        if (blocks.isEmpty()) {
            return CheckResult.missingEvidence(NAME, tool.text().isEmpty() ? "ib_write_bw printed nothing" + Figures.exitNote(tool, "it")
                    : "no '== <hca> ==' block: not the acceptance role's ib_write_bw report (no HCA found?)");
        }
        List<String> broken = new ArrayList<>();
        for (IbWriteBwParser.Block block : blocks.values()) {
            if (block.averages().isEmpty()) {
                broken.add(block.hca() + " has no result (" + (block.lastLine().isEmpty() ? "no output" : "'" + block.lastLine() + "'") + ")");
            } else if (!block.gbits()) {
                return CheckResult.error(NAME, block.hca() + " reports bandwidth in MB/sec: run ib_write_bw with --report_gbits");
            } else if (!block.cuda()) {
                broken.add(block.hca() + " ran without GPU memory (no CUDA lines: --use_cuda missing, so GPUDirect RDMA is untested)");
            }
        }
        if (!broken.isEmpty()) {
            // An HCA without a figure, or one measured without GPU memory: the test did not run as it must.
            return new CheckResult(NAME, CheckVerdict.FAIL, null, null, UNIT, String.join("; ", broken), FailureReason.COULD_NOT_RUN);
        }
        String printed = blocks.values().stream().map(IbWriteBwParser.Block::gpuModel).filter(m -> m != null).findFirst().orElse(null);
        String model = printed != null ? printed : node.gpuType();
        if (model == null) {
            return CheckResult.error(NAME, "no GPU model: ib_write_bw named no CUDA device and the inventory declares none");
        }
        if (!GpuModels.agree(node.gpuType(), model)) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, null, null, null, "ib_write_bw used a " + model
                    + " but the inventory declares " + node.gpuType());
        }
        IbWriteBwParser.Block worst = blocks.values().stream().min(Comparator.comparingDouble(IbWriteBwParser.Block::lowest)).orElseThrow();
        LineLookup line = lines.current().lookup(NAME, METRIC, model, node.gpuCount(), 1, METRIC + " of " + model);
        if (!line.found()) {
            // Still measured: a check judged by its baseline needs the figure, not the line.
            return line.error(NAME, worst.lowest(), UNIT, "worst " + worst.hca() + " at " + Figures.two(worst.lowest()) + " Gb/s");
        }
        double min = line.line().minValue();
        List<String> below = blocks.values().stream().filter(b -> b.lowest() < min)
                .map(b -> b.hca() + " " + Figures.two(b.lowest())).toList();
        String message = blocks.size() + " HCA(s); worst " + worst.hca() + " at " + Figures.two(worst.lowest()) + " Gb/s"
                + (below.isEmpty() ? " reaches " : " is below ") + Figures.two(min) + " Gb/s (" + line.line().describe() + ")"
                + (below.size() > 1 ? "; below the line: " + String.join(", ", below) : "");
        CheckVerdict verdict = below.isEmpty() ? CheckVerdict.PASS : CheckVerdict.FAIL;
        return tool.settle(CheckResult.measured(NAME, verdict, worst.lowest(), min, UNIT, message), "ib_write_bw");
    }
}
