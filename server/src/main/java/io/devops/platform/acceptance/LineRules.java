package io.devops.platform.acceptance;

import io.devops.platform.acceptance.LinesController.LineInput;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks a whole new set of pass lines and names every problem at once, by field. */
final class LineRules {

    static final int MAX_LINES = 200;
    /** The metrics each check reads, with their unit. */
    static final Map<String, Map<String, String>> METRICS = Map.of(
            NcclAllReduceCheck.NAME, Map.of(NcclLineJudge.METRIC, "GB/s"),
            NcclAllReduceMultiCheck.NAME, Map.of(NcclLineJudge.METRIC, "GB/s"),
            NvbandwidthCheck.NAME, Map.of(NvbandwidthCheck.HOST_METRIC, "GB/s", NvbandwidthCheck.PEER_METRIC, "GB/s"),
            IbWriteBwCheck.NAME, Map.of(IbWriteBwCheck.METRIC, "Gb/s"),
            TorchAllReduceCheck.NAME, Map.of(TorchAllReduceCheck.METRIC, "GB/s"));
    private static final double MAX_VALUE = 100_000;
    private static final String MODEL_CHARACTERS = "[A-Za-z0-9 _-]+";
    private static final String FABRIC_CHARACTERS = "[A-Za-z0-9_-]{1,32}";

    private LineRules() {
    }

    static List<AcceptanceLine> validate(List<LineInput> inputs) {
        if (inputs == null) {
            throw new InvalidInputException("lines", "is required: give the whole set (it becomes the next version)");
        }
        if (inputs.size() > MAX_LINES) {
            throw new InvalidInputException("lines", "has " + inputs.size() + " entries; at most " + MAX_LINES + " are allowed");
        }
        List<InputError> errors = new ArrayList<>();
        List<AcceptanceLine> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            LineInput input = inputs.get(i);
            if (input == null) {
                errors.add(new InputError("lines[" + i + "]", "is empty"));
                continue;
            }
            AcceptanceLine line = line("lines[" + i + "].", input, errors);
            if (line != null) {
                String key = line.check() + "/" + line.metric() + "/" + ThresholdRule.words(line.gpuModel()).stream().sorted()
                        .collect(Collectors.joining(" ")) + "/" + line.gpuCount() + "/" + line.nodeCount() + "/"
                        + (line.fabric() == null ? "" : line.fabric().toLowerCase(Locale.ROOT));
                Integer same = seen.putIfAbsent(key, i);
                if (same != null) {
                    errors.add(new InputError("lines[" + i + "]", "is for the same check, metric, GPUs, nodes and fabric as lines[" + same + "]"));
                }
                lines.add(line);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        return lines;
    }

    private static AcceptanceLine line(String at, LineInput input, List<InputError> errors) {
        int before = errors.size();
        String check = input.check() == null ? "" : input.check().strip();
        Map<String, String> metrics = METRICS.get(check);
        String unit = null;
        if (metrics == null) {
            errors.add(new InputError(at + "check", "must be one of " + METRICS.keySet().stream().sorted().toList()));
        } else if (input.metric() == null || !metrics.containsKey(input.metric().strip())) {
            errors.add(new InputError(at + "metric", "must be one of " + metrics.keySet().stream().sorted().toList() + " for " + check));
        } else {
            unit = metrics.get(input.metric().strip());
            if (input.unit() != null && !input.unit().strip().equals(unit)) {
                errors.add(new InputError(at + "unit", "is " + unit + " for " + input.metric().strip() + " (or leave it out)"));
            }
        }
        String model = input.gpuModel() == null ? "" : input.gpuModel().strip().replaceAll("\\s+", " ");
        if (model.isEmpty() || model.length() > 100 || !model.matches(MODEL_CHARACTERS) || ThresholdRule.words(model).size() > 8) {
            errors.add(new InputError(at + "gpuModel", "must be 1 to 8 words (letters, digits, '-', '_') of the GPU model, e.g. 'H100'"));
        }
        if (input.gpuCount() != null && (input.gpuCount() < 1 || input.gpuCount() > 64)) {
            errors.add(new InputError(at + "gpuCount", "must be 1 to 64, or left out to match any count"));
        }
        int nodes = input.nodeCount() == null ? 1 : input.nodeCount();
        boolean multi = NcclAllReduceMultiCheck.NAME.equals(check);
        if (nodes < 1 || nodes > 1024) {
            errors.add(new InputError(at + "nodeCount", "must be 1 to 1024"));
        } else if (multi && nodes < 2) {
            errors.add(new InputError(at + "nodeCount", "must be at least 2 for " + check + " (one node is nccl_all_reduce's line)"));
        } else if (!multi && nodes != 1 && !TorchAllReduceCheck.NAME.equals(check)) {
            errors.add(new InputError(at + "nodeCount", "must be 1 for " + check + " (a single-node check)"));
        }
        String fabric = input.fabric() == null || input.fabric().isBlank() ? null : input.fabric().strip();
        if (fabric != null && !fabric.matches(FABRIC_CHARACTERS)) {
            errors.add(new InputError(at + "fabric", "must be 1 to 32 letters, digits, '-' or '_' (the network NCCL names: IB, Socket, ...)"));
        } else if (multi && fabric == null) {
            errors.add(new InputError(at + "fabric", "is required for " + check + " (a multi-node line is per fabric, e.g. IB)"));
        } else if (fabric != null && nodes == 1) {
            errors.add(new InputError(at + "fabric", "applies to multi-node lines only: leave it out"));
        }
        Double min = input.minValue();
        if (min == null || !(min > 0) || min > MAX_VALUE) {
            errors.add(new InputError(at + "minValue", "must be a number above 0 and at most " + (long) MAX_VALUE));
        } else if (Math.round(min * 100) != min * 100) {
            errors.add(new InputError(at + "minValue", "may have at most two decimals"));
        }
        String source = input.source() == null ? "" : input.source().strip();
        if (source.isEmpty() || source.length() > 500) {
            errors.add(new InputError(at + "source", "must say where the figure comes from (1 to 500 characters)"));
        }
        return errors.size() > before ? null
                : new AcceptanceLine(check, input.metric().strip(), model, input.gpuCount(), nodes, fabric, min, unit, source);
    }
}
