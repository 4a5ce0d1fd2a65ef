package io.devops.platform.lifecycle;

import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.inventory.PoolManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Commissioning's comparison of a node's reported facts (its agent's: {@code gpu.model}, {@code gpu.count},
 * {@code gpu.nvswitch}, {@code infiniband[].ports[].rate}) with what is expected of it: the pool's spec,
 * else what the inventory declares (GPU type and count). Each difference is spelled out ("7 of 8 GPUs");
 * a fact that is missing is a difference too, never a match, and so is having nothing to compare with.
 */
final class FactsComparison {

    private static final Pattern RATE = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*Gb/sec");

    private FactsComparison() {
    }

    static List<String> differences(PlacedNode node, PoolManifest spec) {
        return differences(node, spec, false);
    }

    /**
     * @param gpusJudgedLater an acceptance run is about to compare the GPUs itself (its
     *     {@code gpu_inventory} check, which the lifecycle requires before READY): a node without an
     *     agent, hence without facts, is not failed for GPU facts it cannot have; what only facts can
     *     show (NVSwitch, NICs in the spec) still fails when missing
     */
    static List<String> differences(PlacedNode node, PoolManifest spec, boolean gpusJudgedLater) {
        JsonNode facts = node.facts();
        if (facts == null && gpusJudgedLater) {
            List<String> differences = new ArrayList<>();
            if (spec != null && (spec.nvswitch() != null || spec.nicCount() != null || spec.nicLinkRateGbps() != null)) {
                differences.add("no facts: the pool's spec names NVSwitch or NICs, which only the node's agent reports (enrol its agent)");
            }
            return differences;
        }
        String model = spec != null && spec.gpuModel() != null ? spec.gpuModel() : node.gpuType();
        Integer count = spec != null && spec.gpuCount() != null ? spec.gpuCount() : node.gpuCount();
        boolean specific = model != null || count != null || (spec != null && (spec.nvswitch() != null || spec.nicCount() != null
                || spec.nicLinkRateGbps() != null));
        List<String> differences = new ArrayList<>();
        if (!specific) {
            differences.add("nothing to compare with: the pool has no spec and the node declares no GPU type or count");
            return differences;
        }
        if (facts == null) {
            differences.add("no facts: the node's agent has reported none (enrol its agent, or wait for its first report)");
            return differences;
        }
        gpus(facts, model, count, differences);
        if (spec != null) {
            nvswitch(facts, spec.nvswitch(), differences);
            nics(facts, spec.nicCount(), spec.nicLinkRateGbps(), differences);
        }
        return differences;
    }

    private static void gpus(JsonNode facts, String model, Integer count, List<String> differences) {
        Integer found = Facts.integer(facts, "gpu", "count");
        String foundModel = Facts.text(facts, "gpu", "model");
        if (count != null) {
            if (found == null) {
                differences.add("GPU count unknown (no gpu.count in the facts), spec " + count);
            } else if (found.intValue() != count) {
                differences.add(found + " of " + count + " GPUs");
            }
        }
        if (model != null) {
            if (foundModel == null) {
                differences.add("GPU model unknown (no GPU reported), the pool wants " + model);
            } else if (!foundModel.toUpperCase(Locale.ROOT).contains(model.toUpperCase(Locale.ROOT))) {
                differences.add("model " + foundModel + " where the pool wants " + model);
            }
        }
    }

    private static void nvswitch(JsonNode facts, Boolean wanted, List<String> differences) {
        if (wanted == null) {
            return;
        }
        JsonNode found = Facts.at(facts, "gpu", "nvswitch");
        if (found == null || !found.isBoolean()) {
            differences.add("NVSwitch unknown (the facts do not say), spec " + (wanted ? "yes" : "no"));
        } else if (found.asBoolean() != wanted) {
            differences.add("NVSwitch " + (found.asBoolean() ? "yes" : "no") + ", spec " + (wanted ? "yes" : "no"));
        }
    }

    private static void nics(JsonNode facts, Integer count, Integer rateGbps, List<String> differences) {
        if (count == null && rateGbps == null) {
            return;
        }
        JsonNode hcas = Facts.at(facts, "infiniband");
        if (hcas == null || !hcas.isArray()) {
            differences.add("NIC facts missing (no infiniband list in the facts)");
            return;
        }
        if (count != null && hcas.size() != count) {
            differences.add("NIC count " + hcas.size() + ", spec " + count);
        }
        if (rateGbps != null) {
            for (JsonNode hca : hcas) {
                String name = Facts.text(hca, "name");
                Double rate = rate(Facts.at(hca, "ports"));
                if (rate == null) {
                    differences.add("NIC " + name + " link rate unknown, spec " + rateGbps + " Gb/s");
                } else if (rate < rateGbps) {
                    differences.add("NIC " + name + " at " + format(rate) + " Gb/s, spec " + rateGbps + " Gb/s");
                }
            }
        }
    }

    /** The fastest port's rate ("400 Gb/sec (4X NDR)"), or null when no port says. */
    private static Double rate(JsonNode ports) {
        Double best = null;
        if (ports != null && ports.isArray()) {
            for (JsonNode port : ports) {
                String text = Facts.text(port, "rate");
                Matcher matcher = text == null ? null : RATE.matcher(text);
                if (matcher != null && matcher.find()) {
                    double rate = Double.parseDouble(matcher.group(1));
                    best = best == null ? rate : Math.max(best, rate);
                }
            }
        }
        return best;
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
