package io.devops.agent;

import io.devops.agent.HealthFinding.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Findings in {@code nvidia-smi --query-gpu=... --format=csv}: read by the header's field names,
 * so that the fields may come in any order, with or without units, and {@code [N/A]} (a field the
 * GPU does not have, such as retired pages on Hopper) is no finding. Each rule is a row of
 * {@link #RULES}.
 */
final class GpuHealth {

    static final List<String> FIELDS = List.of("index", "pci.bus_id", "ecc.errors.uncorrected.volatile.total",
            "ecc.errors.uncorrected.aggregate.total", "retired_pages.double_bit.count", "retired_pages.pending",
            "remapped_rows.pending", "remapped_rows.failure", "pcie.link.width.current", "pcie.link.width.max",
            "clocks_event_reasons.hw_slowdown", "clocks_event_reasons.hw_thermal_slowdown",
            "clocks_event_reasons.hw_power_brake_slowdown");

    /** Drivers before 535 name the clock-event reasons "clocks_throttle_reasons". */
    static List<String> query(boolean oldNames) {
        String fields = String.join(",", FIELDS);
        return List.of("nvidia-smi", "--query-gpu=" + (oldNames ? fields.replace("clocks_event_reasons", "clocks_throttle_reasons") : fields),
                "--format=csv,nounits");
    }

    /** One rule: when {@code test} returns a message, the GPU has condition {@code code}. */
    private record Rule(String code, Severity severity, Function<Gpu, String> test) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("ECC_UNCORRECTED_VOLATILE", Severity.CRITICAL, gpu -> positive(gpu, "ecc.errors.uncorrected.volatile.total",
                    "uncorrectable ECC errors since the driver loaded")),
            new Rule("ECC_UNCORRECTED_AGGREGATE", Severity.WARNING, gpu -> positive(gpu, "ecc.errors.uncorrected.aggregate.total",
                    "uncorrectable ECC errors over the GPU's life")),
            new Rule("RETIRED_PAGES", Severity.WARNING, gpu -> positive(gpu, "retired_pages.double_bit.count",
                    "pages retired for double-bit ECC errors")),
            new Rule("RETIRED_PAGES_PENDING", Severity.CRITICAL, gpu -> yes(gpu, "retired_pages.pending",
                    "a page retirement is pending: reset the GPU")),
            new Rule("ROW_REMAP_PENDING", Severity.CRITICAL, gpu -> yes(gpu, "remapped_rows.pending",
                    "a row remap is pending: reset the GPU")),
            new Rule("ROW_REMAP_FAILED", Severity.CRITICAL, gpu -> yes(gpu, "remapped_rows.failure",
                    "row remapping failed: the GPU needs replacing (RMA)")),
            new Rule("PCIE_WIDTH_DEGRADED", Severity.WARNING, GpuHealth::narrowLink),
            new Rule("HW_SLOWDOWN", Severity.WARNING, GpuHealth::slowdown));

    private GpuHealth() {
    }

    /** One GPU's row, by field name. */
    record Gpu(Map<String, String> fields, String line) {

        String get(String field) {
            String value = fields.get(field);
            if (value == null) {
                value = fields.get(field.replace("clocks_event_reasons", "clocks_throttle_reasons"));
            }
            return value == null || value.startsWith("[") ? null : value;
        }

        String bus() {
            String bus = fields.get("pci.bus_id");
            return bus == null ? "gpu" + fields.get("index") : LogFindings.bus(bus);
        }
    }

    static List<Gpu> parse(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.get(0).split(",");
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].replaceAll("\\[.*]", "").strip();
        }
        List<Gpu> gpus = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",");
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < header.length && i < values.length; i++) {
                fields.put(header[i], values[i].strip());
            }
            gpus.add(new Gpu(fields, line.strip()));
        }
        return gpus;
    }

    static List<HealthFinding> findings(List<Gpu> gpus) {
        List<HealthFinding> findings = new ArrayList<>();
        for (Gpu gpu : gpus) {
            for (Rule rule : RULES) {
                String message = rule.test().apply(gpu);
                if (message != null) {
                    findings.add(HealthFinding.state("gpu", rule.code(), gpu.bus(), rule.severity(),
                            "GPU " + gpu.bus() + ": " + message, gpu.line()));
                }
            }
        }
        return findings;
    }

    /** Fewer GPUs than {@code expected}; {@code source} says where that number came from. */
    static List<HealthFinding> count(int seen, int expected, String source, String evidence) {
        if (seen >= expected) {
            return List.of();
        }
        return List.of(HealthFinding.state("gpu", "GPU_MISSING", "node", Severity.CRITICAL,
                "nvidia-smi shows " + seen + " GPUs, " + expected + " expected (" + source + ")", evidence));
    }

    private static String positive(Gpu gpu, String field, String what) {
        long value = number(gpu.get(field));
        return value > 0 ? value + " " + what + " (" + field + ")" : null;
    }

    private static String yes(Gpu gpu, String field, String what) {
        String value = gpu.get(field);
        return value != null && value.equalsIgnoreCase("yes") ? what + " (" + field + ": " + value + ")" : null;
    }

    private static String narrowLink(Gpu gpu) {
        long current = number(gpu.get("pcie.link.width.current"));
        long max = number(gpu.get("pcie.link.width.max"));
        return current > 0 && max > 0 && current < max ? "PCIe link x" + current + " below its maximum x" + max : null;
    }

    private static String slowdown(Gpu gpu) {
        List<String> active = new ArrayList<>();
        for (String reason : List.of("hw_slowdown", "hw_thermal_slowdown", "hw_power_brake_slowdown")) {
            String value = gpu.get("clocks_event_reasons." + reason);
            if (value != null && value.toLowerCase(Locale.ROOT).equals("active")) {
                active.add(reason);
            }
        }
        return active.isEmpty() ? null : "clocks held back by hardware: " + String.join(", ", active);
    }

    private static long number(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.replaceAll("[^0-9-].*$", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
