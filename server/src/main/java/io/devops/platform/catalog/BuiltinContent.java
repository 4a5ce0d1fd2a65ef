package io.devops.platform.catalog;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The shape of {@code content/catalog.yml}: the catalog every installation starts with. */
record BuiltinContent(List<RoleEntry> roles) {

    record RoleEntry(String name, String description, List<VariableEntry> variables) {
    }

    record VariableEntry(String name, String actionType, String type, Boolean required, JsonNode defaultValue,
                         List<String> choices, String description) {

        VariableDraft draft() {
            return new VariableDraft(name, actionType, type, required, defaultValue, choices, description);
        }
    }
}
