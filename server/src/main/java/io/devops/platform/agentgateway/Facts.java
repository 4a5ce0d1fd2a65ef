package io.devops.platform.agentgateway;

import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

/** Reads what the inventory shows and filters on out of the facts an agent reports. */
final class Facts {

    static final int MAX_CHARS = 256 * 1024;

    private Facts() {
    }

    static void check(JsonNode facts, String json) {
        if (facts == null || !facts.isObject()) {
            throw new InvalidInputException("facts", "must be a JSON object");
        }
        if (json.length() > MAX_CHARS) {
            throw new InvalidInputException("facts", "must be at most " + MAX_CHARS + " characters of JSON");
        }
    }

    /** Hostname, and GPU model and count from {@code gpu.model} / {@code gpu.count} (none without a GPU). */
    static FactsSummary summarize(JsonNode facts, String fallbackHostname) {
        String hostname = text(facts.get("hostname"));
        JsonNode gpu = facts.get("gpu");
        String model = gpu == null ? null : text(gpu.get("model"));
        Integer count = gpu == null || gpu.get("count") == null || !gpu.get("count").isNumber() ? null : gpu.get("count").asInt();
        if (count != null && count == 0) {
            count = null;
            model = null;
        }
        return new FactsSummary(hostname == null ? fallbackHostname : limit(hostname, 253), limit(model, 64), count);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() || node.asString().isBlank() ? null : node.asString().trim();
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
