package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A typed variable of a role; {@code actionType} groups them (driver, cuda, fabric). {@code schema}
 * (a {@link ValueSchema}, null when none) further constrains the value, nested fields included.
 * {@code templated}: its values reach Ansible as templates ({@code "{{ ansible_hostname }}"} is
 * evaluated); every other value is written literally. Only an ADMIN declares one.
 */
record Variable(long id, long roleId, String name, String actionType, VariableType type, List<String> choices,
                boolean required, String defaultValue, String description, JsonNode schema, boolean templated) {

    Variable(long id, long roleId, String name, String actionType, VariableType type, List<String> choices,
             boolean required, String defaultValue, String description, JsonNode schema) {
        this(id, roleId, name, actionType, type, choices, required, defaultValue, description, schema, false);
    }

    String normalize(JsonNode value) {
        List<InputError> errors = new ArrayList<>();
        String canonical = check(value, "value", errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.get(0).message());
        }
        return canonical;
    }

    /**
     * The canonical text of {@code value}, or null with every problem added to {@code errors}, each
     * named by its path under {@code field} ({@code values.vhosts[0].port}).
     */
    String check(JsonNode value, String field, List<InputError> errors) {
        String canonical;
        try {
            canonical = type.normalize(value, choices);
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(field, type.apiName() + " " + e.getMessage()));
            return null;
        }
        if (schema != null) {
            int before = errors.size();
            ValueSchema.validate(schema, type == VariableType.SECRET ? value : type.toJson(canonical), field, errors);
            if (errors.size() > before) {
                return null;
            }
        }
        return canonical;
    }

    boolean secret() {
        return type == VariableType.SECRET;
    }

    /** How the API shows a variable: the type in lower case, the default typed. */
    record View(long id, long roleId, String name, String actionType, String type, List<String> choices,
                boolean required, JsonNode defaultValue, String description, JsonNode schema, boolean templated) {
    }

    View view() {
        return new View(id, roleId, name, actionType, type.apiName(), choices.isEmpty() ? null : choices, required,
                defaultValue == null ? null : type.toJson(defaultValue), description, schema, templated);
    }
}
