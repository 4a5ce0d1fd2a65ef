package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A variable as a role's own files declare it (see {@link RoleInterface}): what an upload proposes,
 * before anyone declares it. {@code type} is the API name of a {@link VariableType}; {@code source}
 * names the file and key it was read from.
 */
record ProposedVariable(String name, String type, boolean required, @JsonProperty("default") JsonNode defaultValue,
                        String description, List<String> choices, JsonNode schema, String source) {

    VariableDraft draft() {
        return new VariableDraft(name, null, type, required, defaultValue, choices.isEmpty() ? null : choices,
                description, schema);
    }
}
