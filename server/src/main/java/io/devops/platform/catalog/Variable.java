package io.devops.platform.catalog;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A typed variable of a role; {@code actionType} groups them (driver, cuda, fabric). */
record Variable(long id, long roleId, String name, String actionType, VariableType type, List<String> choices,
                boolean required, String defaultValue, String description) {

    String normalize(JsonNode value) {
        return type.normalize(value, choices);
    }

    /** How the API shows a variable: the type in lower case, the default typed. */
    record View(long id, long roleId, String name, String actionType, String type, List<String> choices,
                boolean required, JsonNode defaultValue, String description) {
    }

    View view() {
        return new View(id, roleId, name, actionType, type.apiName(), choices.isEmpty() ? null : choices, required,
                defaultValue == null ? null : type.toJson(defaultValue), description);
    }
}
