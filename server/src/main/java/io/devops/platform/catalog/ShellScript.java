package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a shell (a script template): command, typed parameters, report files, default
 * dispatch and the unprivileged node user it runs as ({@code runAs}; null: the agent's own user).
 */
record ShellScript(long id, String name, String description, String command, Dispatch dispatch, int version,
                   long originalShellId, boolean latest, boolean deleted, List<ShellParameter> parameters,
                   List<String> reports, Instant createdAt, String createdBy, String runAs) {

    /** The values a step gives, checked and completed with defaults; every problem keyed by parameter name. */
    Map<String, String> resolve(Map<String, String> given, Map<String, String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        given.keySet().stream().filter(k -> parameters.stream().noneMatch(p -> p.name().equals(k)))
                .forEach(k -> errors.put(k, "shell " + name + " has no parameter " + k + "; it has "
                        + parameters.stream().map(ShellParameter::name).toList()));
        var arithmetic = CommandTemplate.parse(command).arithmeticPlaceholders();
        for (ShellParameter parameter : parameters) {
            String value = given.containsKey(parameter.name()) ? given.get(parameter.name()) : parameter.defaultValue();
            if (value == null) {
                if (parameter.required()) {
                    errors.put(parameter.name(), "is required by shell " + name);
                }
                continue;
            }
            try {
                String checked = parameter.check(value);
                if (arithmetic.contains(parameter.name()) && !CommandTemplate.INTEGER.matcher(checked).matches()) {
                    throw new IllegalArgumentException("is used in shell arithmetic (e.g. $((...)) or [[ -eq ]]),"
                            + " where bash would evaluate it as an expression; give a decimal integer");
                }
                values.put(parameter.name(), checked);
            } catch (IllegalArgumentException e) {
                errors.put(parameter.name(), e.getMessage());
            }
        }
        return values;
    }

    /** The exact command for these (resolved) values; an unset optional parameter becomes an empty word. */
    String command(Map<String, String> values) {
        return CommandTemplate.parse(command).render(withEmpty(values));
    }

    List<String> reports(Map<String, String> values) {
        return reports.stream().map(r -> CommandTemplate.parse(r).fill(withEmpty(values))).toList();
    }

    private Map<String, String> withEmpty(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        parameters.forEach(p -> all.put(p.name(), values.getOrDefault(p.name(), "")));
        return all;
    }

    /** How the API shows a shell. */
    record View(long id, String name, String description, String command, Dispatch dispatch, int version,
                long originalShellId, boolean latest, boolean deleted, List<ShellParameter.View> parameters,
                List<String> reports, Instant createdAt, String createdBy,
                @JsonInclude(JsonInclude.Include.ALWAYS) String runAs) {
    }

    View view() {
        return new View(id, name, description, command, dispatch, version, originalShellId, latest, deleted,
                parameters.stream().map(ShellParameter::view).toList(), reports, createdAt, createdBy, runAs);
    }
}
