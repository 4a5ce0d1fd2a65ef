package io.devops.platform.catalog;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The shape of {@code content/catalog.yml}: the catalog every installation starts with. */
record BuiltinContent(List<RoleEntry> roles, List<OperatorEntry> operators, List<ShellDraft> shells,
                      List<TemplateEntry> templates) {

    BuiltinContent {
        roles = roles == null ? List.of() : roles;
        operators = operators == null ? List.of() : operators;
        shells = shells == null ? List.of() : shells;
        templates = templates == null ? List.of() : templates;
    }

    record RoleEntry(String name, String description, List<VariableEntry> variables, List<String> reports) {

        RoleEntry {
            variables = variables == null ? List.of() : variables;
            reports = reports == null ? List.of() : reports;
        }
    }

    record VariableEntry(String name, String actionType, String type, Boolean required, JsonNode defaultValue,
                         List<String> choices, String description) {

        VariableDraft draft() {
            return new VariableDraft(name, actionType, type, required, defaultValue, choices, description);
        }
    }

    /** An operator lineage: its versions oldest first, each one an edit of the one before. */
    record OperatorEntry(String name, String role, String pkgVersion, String description, List<OperatorVersion> versions) {
    }

    record OperatorVersion(Map<String, JsonNode> values) {
    }

    /** A template whose steps name an operator or a shell of the built-in content. */
    record TemplateEntry(String name, String description, List<StepEntry> steps) {
    }

    record StepEntry(String operator, String shell, Map<String, String> params, String dispatch) {
    }
}
