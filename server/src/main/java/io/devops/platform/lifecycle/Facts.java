package io.devops.platform.lifecycle;

import tools.jackson.databind.JsonNode;

/** Reading the agent's facts (agent {@code FactsCollector}): absent or null values read as null, never as a default. */
final class Facts {

    private Facts() {
    }

    static JsonNode at(JsonNode facts, String... path) {
        JsonNode node = facts;
        for (String step : path) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            node = node.get(step);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    static String text(JsonNode facts, String... path) {
        JsonNode value = at(facts, path);
        return value == null || !value.isValueNode() || value.asString().isBlank() ? null : value.asString().strip();
    }

    static Integer integer(JsonNode facts, String... path) {
        JsonNode value = at(facts, path);
        return value != null && value.isIntegralNumber() ? value.asInt() : null;
    }
}
