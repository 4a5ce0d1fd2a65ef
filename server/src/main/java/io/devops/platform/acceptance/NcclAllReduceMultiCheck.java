package io.devops.platform.acceptance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * all_reduce_perf launched by mpirun over N nodes ({@link NodeContext#nodeCount()}): judged against
 * the line for (model, N, fabric), never the single-node line. The fabric is the network NCCL names
 * in its INFO lines when it printed them; otherwise the only line for that model and N is used, and
 * several (one per fabric) is an ERROR rather than a guess.
 */
@Component
class NcclAllReduceMultiCheck implements AcceptanceCheck {

    static final String NAME = "nccl_all_reduce_multi";
    private final CurrentLines lines;

    NcclAllReduceMultiCheck(CurrentLines lines) {
        this.lines = lines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String output, NodeContext node) {
        if (node.nodeCount() < 2) {
            return CheckResult.error(NAME, "a multi-node NCCL test needs at least 2 nodes; this one names " + node.nodeCount()
                    + " (use nccl_all_reduce for one node)");
        }
        LineBook book = lines.current();
        return NcclLineJudge.judge(NAME, output, node, (model, gpus, devices) -> pick(book, model, gpus, node.nodeCount(), devices));
    }

    private static LineLookup pick(LineBook book, String model, int gpus, int nodes, NcclDevices devices) {
        List<AcceptanceLine> candidates = book.candidates(NAME, NcclLineJudge.METRIC, model, gpus, nodes);
        String what = nodes + " nodes of " + model;
        if (candidates.isEmpty()) {
            return LineLookup.none(LineLookup.noLine(what));
        }
        if (devices.fabric() != null) {
            List<AcceptanceLine> same = candidates.stream().filter(line -> LineBook.sameFabric(line, devices.fabric())).toList();
            return same.isEmpty()
                    ? LineLookup.none("no line for " + what + " over " + devices.fabric() + " (the network NCCL used): add one")
                    : LineLookup.of(same.get(0), "fabric " + devices.fabric() + " as NCCL reported it");
        }
        Set<String> fabrics = new TreeSet<>(candidates.stream().map(line -> String.valueOf(line.fabric())).toList());
        if (fabrics.size() > 1) {
            return LineLookup.none("lines for " + what + " exist for several fabrics " + fabrics
                    + " and the output does not name the network (run with NCCL_DEBUG=INFO)");
        }
        return LineLookup.of(candidates.get(0), "the output does not name the network; the only line for " + what
                + " is over " + candidates.get(0).fabric());
    }
}
