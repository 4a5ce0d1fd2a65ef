package io.devops.platform.acceptance;

import org.springframework.stereotype.Component;

/**
 * {@code all_reduce_perf -b 16G -e 16G -f 2 -g <gpus>} on one node: the out-of-place busbw at the
 * largest size against the single-node line for the GPUs' model and count (acceptance_lines).
 */
@Component
class NcclAllReduceCheck implements AcceptanceCheck {

    static final String NAME = "nccl_all_reduce";
    private final CurrentLines lines;

    NcclAllReduceCheck(CurrentLines lines) {
        this.lines = lines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String output, NodeContext node) {
        LineBook book = lines.current();
        return NcclLineJudge.judge(NAME, output, new NodeContext(node.gpuType(), node.gpuCount(), 1),
                (model, gpus, devices) -> book.lookup(NAME, NcclLineJudge.METRIC, model, gpus, 1, gpus + " x " + model + " on one node"));
    }
}
