package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A new variable as the API receives it, checked field by field into a {@link Variable}. */
record VariableDraft(String name, String actionType, String type, Boolean required,
                     @JsonAlias("default") JsonNode defaultValue, List<String> choices, String description,
                     JsonNode schema, Boolean templated) {

    /** The types whose values Ansible may template: text, and the texts inside lists and maps. */
    private static final java.util.Set<VariableType> TEMPLATABLE =
            java.util.EnumSet.of(VariableType.STRING, VariableType.PATH, VariableType.LIST, VariableType.MAP);

    VariableDraft(String name, String actionType, String type, Boolean required, JsonNode defaultValue,
                  List<String> choices, String description) {
        this(name, actionType, type, required, defaultValue, choices, description, null, null);
    }

    VariableDraft(String name, String actionType, String type, Boolean required, JsonNode defaultValue,
                  List<String> choices, String description, JsonNode schema) {
        this(name, actionType, type, required, defaultValue, choices, description, schema, null);
    }

    boolean isTemplated() {
        return Boolean.TRUE.equals(templated);
    }

    private static final Pattern ACTION_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    Variable toVariable(long roleId) {
        List<InputError> errors = new ArrayList<>();
        AnsibleNames.variableNameProblem(name).ifPresent(p -> errors.add(new InputError("name", p)));
        String action = actionType == null || actionType.isBlank() ? "general" : actionType.trim();
        if (!ACTION_TYPE.matcher(action).matches()) {
            errors.add(new InputError("actionType", "must be a short lower-case word such as driver, cuda or fabric"));
        }
        VariableType parsed = VariableType.STRING;
        try {
            parsed = type == null ? VariableType.STRING : VariableType.parse(type);
        } catch (IllegalArgumentException e) {
            errors.add(new InputError("type", e.getMessage()));
        }
        List<String> allowed = choices == null ? List.of() : List.copyOf(choices);
        if (parsed == VariableType.CHOICE && allowed.isEmpty()) {
            errors.add(new InputError("choices", "a choice variable needs at least one choice"));
        }
        if (allowed.stream().anyMatch(c -> c == null || c.isEmpty() || c.contains("\n"))) {
            errors.add(new InputError("choices", "choices must be non-empty single-line texts"));
        }
        JsonNode checkedSchema = schema == null || schema.isNull() ? null : schema;
        boolean hasDefault = defaultValue != null && !defaultValue.isNull();
        if (parsed == VariableType.SECRET && (hasDefault || checkedSchema != null)) {
            errors.add(new InputError(hasDefault ? "default" : "schema", "a secret takes no " + (hasDefault ? "default" : "schema")
                    + ": either would show or echo what must stay hidden; operators set its value"));
        }
        if (checkedSchema != null) {
            errors.addAll(ValueSchema.problems(checkedSchema, "schema"));
        }
        if (isTemplated() && !TEMPLATABLE.contains(parsed)) {
            errors.add(new InputError("templated", "only a string, path, list or map variable can be templated"));
        }
        String canonicalDefault = null;
        if (hasDefault && errors.isEmpty()) {
            var variable = new Variable(0, roleId, name, action, parsed, allowed, false, null, description, checkedSchema);
            canonicalDefault = variable.check(defaultValue, "default", errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The variable is not valid: " + errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
        return new Variable(0, roleId, name, action, parsed, parsed == VariableType.CHOICE ? allowed : List.of(),
                Boolean.TRUE.equals(required), canonicalDefault, description, checkedSchema, isTemplated());
    }
}
