package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** An operator version as the API receives it (POST and PUT take the same body). */
record OperatorDraft(Long roleId, String pkgVersion, String name, String description, Map<String, JsonNode> values) {

    private static final Pattern PKG_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+~-]{0,63}");

    /**
     * The values checked against the role's variables: by variable id, canonical text (secrets in
     * clear: the caller seals them), every error at once, each named by its path. A secret named in
     * {@code secretsSet} (the version this one replaces has it) counts as given; a secret given as
     * null is cleared.
     */
    Map<Long, String> checkedValues(List<Variable> variables, String roleName, Set<String> secretsSet) {
        List<InputError> errors = new ArrayList<>();
        if (pkgVersion != null && !pkgVersion.isEmpty() && !PKG_VERSION.matcher(pkgVersion).matches()) {
            errors.add(new InputError("pkgVersion", "must be a package version such as 550 or 535.54"));
        }
        Map<String, JsonNode> given = values == null ? Map.of() : values;
        Map<Long, String> checked = new LinkedHashMap<>();
        for (var entry : given.entrySet()) {
            Variable variable = variables.stream().filter(v -> v.name().equals(entry.getKey())).findFirst().orElse(null);
            String field = "values." + entry.getKey();
            if (variable == null) {
                errors.add(new InputError(field, "role " + roleName + " has no such variable; it has "
                        + variables.stream().map(Variable::name).toList()));
            } else if (!(variable.secret() && cleared(entry.getValue()))) {
                String canonical = variable.check(entry.getValue(), field, errors);
                if (canonical != null) {
                    checked.put(variable.id(), canonical);
                }
            }
        }
        for (Variable variable : variables) {
            boolean kept = variable.secret() && secretsSet.contains(variable.name()) && !given.containsKey(variable.name());
            if (variable.required() && variable.defaultValue() == null && !checked.containsKey(variable.id()) && !kept
                    && errors.stream().noneMatch(e -> e.field().startsWith("values." + variable.name()))) {
                errors.add(new InputError("values." + variable.name(), "is required by role " + roleName));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The operator's values are not valid: " + errors.get(0).field() + ": "
                    + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors);
        }
        return checked;
    }

    /** Whether the draft leaves {@code name} out, so that a set secret is kept. */
    boolean leavesOut(String name) {
        return values == null || !values.containsKey(name);
    }

    private static boolean cleared(JsonNode value) {
        return value == null || value.isNull();
    }

    String pkgVersionOrEmpty() {
        return pkgVersion == null ? "" : pkgVersion.trim();
    }

    /** Whether the caller chose the name (else it defaults to the role's). */
    boolean named() {
        return name != null && !name.isBlank();
    }

    String nameOr(String roleName) {
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        return pkgVersionOrEmpty().isEmpty() ? roleName : roleName + " " + pkgVersionOrEmpty();
    }
}
