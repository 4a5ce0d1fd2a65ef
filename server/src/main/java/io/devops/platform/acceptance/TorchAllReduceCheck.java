package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's torch all-reduce test prints one JSON line
 * ({@code {"check":"torch_all_reduce","world_size":8,"nodes":1,"result_ok":true,"max_abs_error":0.0,
 * "size_bytes":1073741824,"busbw_gbps":412.3,"gpu_model":"NVIDIA H100 80GB HBM3"}}): a wrong result tensor
 * fails whatever the speed, then busbw is judged against the line for the model, GPUs per node and node
 * count. The model is the one the test names ({@code gpu_model}, optional), else the inventory's; a
 * named model that differs from the inventory's fails, as for the NCCL checks.
 */
@Component
class TorchAllReduceCheck implements AcceptanceCheck {

    static final String NAME = "torch_all_reduce";
    static final String METRIC = "busbw_gbps";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIELDS = List.of("world_size", "nodes", "result_ok", "max_abs_error", "size_bytes", "busbw_gbps");
    private final CurrentLines lines;

    TorchAllReduceCheck(CurrentLines lines) {
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
        JsonNode result = resultLine(tool.text());
        if (result == null) {
            return CheckResult.missingEvidence(NAME, "no torch_all_reduce result line in the output" + Figures.exitNote(tool, "the test")
                    + (tool.text().isEmpty() ? "" : "; last line: '" + Figures.lastLine(tool.text()) + "'"));
        }
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            JsonNode value = result.get(field);
            boolean ok = value != null && (field.equals("result_ok") ? value.isBoolean() : value.isNumber());
            if (!ok) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return CheckResult.missingEvidence(NAME, "the result line lacks " + String.join(", ", missing) + " (or they are not of the right type)");
        }
        double busbw = result.get("busbw_gbps").asDouble();
        double error = result.get("max_abs_error").asDouble();
        if (!result.get("result_ok").asBoolean() || error > 0) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, error, 0.0, "max abs error", "the all-reduce result is wrong: result_ok "
                    + result.get("result_ok").asBoolean() + ", max_abs_error " + error + " (busbw " + Figures.two(busbw) + " GB/s)");
        }
        return judgeSpeed(result, busbw, node, tool);
    }

    private CheckResult judgeSpeed(JsonNode result, double busbw, NodeContext node, ToolOutput tool) {
        int worldSize = result.get("world_size").asInt();
        int nodes = result.get("nodes").asInt();
        if (worldSize < 1 || nodes < 1 || worldSize % nodes != 0) {
            return CheckResult.error(NAME, "world_size " + worldSize + " over " + nodes + " node(s) is not a whole number of GPUs per node");
        }
        if (node.nodeCount() > 1 && node.nodeCount() != nodes) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, (double) nodes, (double) node.nodeCount(), "nodes", "the test ran on "
                    + nodes + " node(s), not on the " + node.nodeCount() + " of the run");
        }
        int perNode = worldSize / nodes;
        if (node.gpuCount() != null && node.gpuCount() != perNode) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, (double) perNode, (double) node.gpuCount(), "GPUs", "the test ran on "
                    + perNode + " GPUs per node, the inventory declares " + node.gpuCount());
        }
        String named = result.path("gpu_model").isString() && !result.get("gpu_model").asString().isBlank()
                ? result.get("gpu_model").asString().strip() : null;
        if (!GpuModels.agree(node.gpuType(), named)) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, null, null, null, "the test ran on " + named
                    + " but the inventory declares " + node.gpuType());
        }
        String model = named != null ? named : node.gpuType();
        if (model == null) {
            return CheckResult.error(NAME, "no GPU model: the inventory declares none, and the result line names none");
        }
        String what = (nodes > 1 ? nodes + " nodes of " : "") + perNode + " x " + model;
        LineLookup lookup = lines.current().lookup(NAME, METRIC, model, perNode, nodes, what);
        if (!lookup.found()) {
            return lookup.error(NAME, busbw, "GB/s", Figures.two(busbw) + " GB/s");
        }
        AcceptanceLine line = lookup.line();
        boolean pass = busbw >= line.minValue();
        String message = "result correct; busbw " + Figures.two(busbw) + " GB/s at " + Sizes.human(result.get("size_bytes").asLong())
                + " on " + what + (pass ? " reaches " : " is below ") + Figures.two(line.minValue()) + " GB/s (" + line.describe() + ")";
        CheckVerdict verdict = pass ? CheckVerdict.PASS : CheckVerdict.FAIL;
        return tool.settle(CheckResult.measured(NAME, verdict, busbw, line.minValue(), "GB/s", message), "the test");
    }

    /** The last line that is a JSON object of this check (torchrun may print warnings around it). */
    private static JsonNode resultLine(String text) {
        JsonNode found = null;
        for (String line : text.split("\\R")) {
            String candidate = line.strip().replaceFirst("^\\[[^\\]]*\\]:?\\s*", "");
            if (!candidate.startsWith("{") || !candidate.contains("torch_all_reduce")) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(candidate);
                if (NAME.equals(node.path("check").asString(""))) {
                    found = node;
                }
            } catch (JacksonException e) {
                // a cut-short line is not a result; the last complete one counts
            }
        }
        return found;
    }
}
