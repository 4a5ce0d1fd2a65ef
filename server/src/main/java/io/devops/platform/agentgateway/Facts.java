package io.devops.platform.agentgateway;

import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.inventory.NodeRules;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.PrintableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The facts an agent reports, checked with the rules the inventory applies to what users type
 * (they end up beside it: in node views, filters and playbooks' {@code devops_facts}), and what
 * the inventory shows and filters on read out of them.
 */
final class Facts {

    static final int MAX_CHARS = 256 * 1024;
    /** Enough to say what is wrong; a document full of bad values is refused all the same. */
    static final int MAX_PROBLEMS = 20;
    private static final int MAX_NAME_SHOWN = 64;
    private static final String CONTROL = "must not contain control characters (line breaks, escapes, bidi marks...)";

    /** Facts that are counts, by path ("[]" standing for any index), with the range a real node stays in. */
    private static final Map<String, Range> COUNTS = Map.of(
            "gpu.count", new Range(0, NodeRules.MAX_GPU_COUNT),
            "gpu.devices[].index", new Range(0, NodeRules.MAX_GPU_COUNT - 1),
            "gpu.devices[].memoryMiB", new Range(0, 1L << 20), // 1 TiB on one GPU
            "cpu.logicalCores", new Range(1, 65_536),
            "cpu.sockets", new Range(0, 64), // 0: the agent found no "physical id" (ARM, some VMs)
            "memory.totalBytes", new Range(1, 1L << 50)); // 1 PiB
    /** Facts the inventory shows as its own fields, checked as a user's input of those fields is. */
    private static final Map<String, Function<String, Optional<String>>> INVENTORY_TEXTS = Map.of(
            "hostname", NodeRules::hostnameProblem,
            "gpu.model", NodeRules::gpuTypeProblem,
            "gpu.devices[].name", NodeRules::gpuTypeProblem);

    private Facts() {
    }

    /** Everything wrong with the facts (at most {@link #MAX_PROBLEMS}); empty when they may be stored. */
    static List<InputError> problems(JsonNode facts, String json) {
        if (facts == null || !facts.isObject()) {
            return List.of(new InputError("facts", "must be a JSON object"));
        }
        if (json.length() > MAX_CHARS) {
            return List.of(new InputError("facts", "must be at most " + MAX_CHARS + " characters of JSON"));
        }
        List<InputError> problems = new ArrayList<>();
        walk(facts, "facts", "", problems);
        return problems;
    }

    /** The host name and agent version an enrolling agent gives beside its facts. */
    static List<InputError> enrolmentProblems(String hostname, String agentVersion) {
        List<InputError> problems = new ArrayList<>();
        if (hostname != null) {
            NodeRules.hostnameProblem(hostname).ifPresent(problem -> problems.add(new InputError("hostname", problem)));
        }
        if (PrintableText.hasControl(agentVersion)) {
            problems.add(new InputError("agentVersion", CONTROL));
        }
        return problems;
    }

    /** {@code path} names the value for people; {@code rule} is the path without indexes, for the rules above. */
    private static void walk(JsonNode node, String path, String rule, List<InputError> problems) {
        if (problems.size() >= MAX_PROBLEMS || node.isNull()) {
            return; // a null is a probe that found nothing
        }
        if (COUNTS.containsKey(rule) || INVENTORY_TEXTS.containsKey(rule)) {
            ruled(node, rule).ifPresent(problem -> add(problems, path, problem));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = member.getKey();
                String at = path + "." + PrintableText.of(name, MAX_NAME_SHOWN);
                if (PrintableText.hasControl(name)) {
                    add(problems, at, "the name " + CONTROL);
                } else {
                    walk(member.getValue(), at, rule.isEmpty() ? name : rule + "." + name, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", rule + "[]", problems);
            }
        } else if (node.isString() && PrintableText.hasControl(node.asString())) {
            add(problems, path, CONTROL);
        }
    }

    /** What breaks the fact's own rule: a count's range, or the inventory's rule for the field it fills. */
    private static Optional<String> ruled(JsonNode value, String rule) {
        Range range = COUNTS.get(rule);
        if (range != null) {
            return !value.isIntegralNumber() || !value.canConvertToLong() ? Optional.of("must be a whole number")
                    : range.problem(value.asLong());
        }
        Function<String, Optional<String>> inventoryRule = INVENTORY_TEXTS.get(rule);
        if (inventoryRule != null) {
            return value.isString() ? inventoryRule.apply(value.asString()) : Optional.of("must be text");
        }
        return Optional.empty();
    }

    private static void add(List<InputError> problems, String field, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new InputError(field, problem));
        }
    }

    /** Hostname, and GPU model and count from {@code gpu.model} / {@code gpu.count} (none without a GPU). Checked facts only. */
    static FactsSummary summarize(JsonNode facts, String fallbackHostname) {
        String hostname = text(facts.get("hostname"));
        JsonNode gpu = facts.get("gpu");
        String model = gpu == null ? null : text(gpu.get("model"));
        Integer count = gpu == null || gpu.get("count") == null || !gpu.get("count").isNumber() ? null : gpu.get("count").asInt();
        if (count != null && count == 0) {
            count = null;
            model = null;
        }
        return new FactsSummary(hostname == null ? fallbackHostname : hostname, model, count);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }

    private record Range(long min, long max) {

        Optional<String> problem(long value) {
            return value >= min && value <= max ? Optional.empty() : Optional.of("must be between " + min + " and " + max);
        }
    }
}
