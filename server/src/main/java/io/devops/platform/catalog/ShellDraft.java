package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A shell version as the API receives it (POST and PUT); {@link #check()} reports every problem at once. */
record ShellDraft(String name, String description, String command, List<ParameterDraft> parameters,
                  List<String> reports, String dispatch, String runAs) {

    ShellDraft(String name, String description, String command, List<ParameterDraft> parameters, List<String> reports,
               String dispatch) {
        this(name, description, command, parameters, reports, dispatch, null);
    }

    record ParameterDraft(String name, String type, String pattern, Boolean required, String defaultValue,
                          String description) {
    }

    /** What a valid draft becomes. */
    record Checked(String name, String description, String command, Dispatch dispatch, List<ShellParameter> parameters,
                   List<String> reports, String runAs) {
    }

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final int MAX_COMMAND = 65_536;

    Checked check() {
        List<InputError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 128) {
            errors.add(new InputError("name", "is required, at most 128 characters"));
        }
        Dispatch parsedDispatch = Dispatch.ANSIBLE;
        try {
            parsedDispatch = dispatch == null ? Dispatch.ANSIBLE : Dispatch.parse(dispatch);
        } catch (IllegalArgumentException e) {
            errors.add(new InputError("dispatch", e.getMessage()));
        }
        String runAsProblem = RunAs.problem(runAs, parsedDispatch);
        if (runAsProblem != null) {
            errors.add(new InputError("runAs", runAsProblem));
        }
        List<ShellParameter> checked = checkParameters(errors);
        Set<String> declared = new HashSet<>(checked.stream().map(ShellParameter::name).toList());
        if (command == null || command.isBlank() || command.length() > MAX_COMMAND) {
            errors.add(new InputError("command", "is required, at most " + MAX_COMMAND + " characters"));
        } else {
            placeholdersIn("command", command, declared, errors);
        }
        List<String> paths = reports == null ? List.of() : reports;
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            if (path == null || !path.startsWith("/") || path.contains("\n") || path.contains("/../")) {
                errors.add(new InputError("reports[" + i + "]", "must be an absolute path on one line without '..'"));
            } else {
                placeholdersIn("reports[" + i + "]", path, declared, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The shell is not valid: " + errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
        return new Checked(name.trim(), description, command, parsedDispatch, checked, paths, runAs);
    }

    private List<ShellParameter> checkParameters(List<InputError> errors) {
        List<ShellParameter> checked = new ArrayList<>();
        List<ParameterDraft> given = parameters == null ? List.of() : parameters;
        for (int i = 0; i < given.size(); i++) {
            ParameterDraft p = given.get(i);
            String field = "parameters[" + i + "]";
            if (p.name() == null || !PARAMETER_NAME.matcher(p.name()).matches()) {
                errors.add(new InputError(field + ".name", "must be a letter or _, then letters, digits or _"));
                continue;
            }
            if (checked.stream().anyMatch(c -> c.name().equals(p.name()))) {
                errors.add(new InputError(field + ".name", "declares " + p.name() + " twice"));
                continue;
            }
            String pattern = p.pattern() == null || p.pattern().isEmpty() ? ShellParameter.DEFAULT_PATTERN : p.pattern();
            try {
                Pattern.compile(pattern);
                VariableType type = p.type() == null ? VariableType.STRING : VariableType.parse(p.type());
                if (!type.scalar()) {
                    throw new IllegalArgumentException("a script parameter is one word of a command: its type is one of "
                            + VariableType.names().stream().filter(n -> VariableType.parse(n).scalar()).toList());
                }
                var parameter = new ShellParameter(p.name(), type, pattern, !Boolean.FALSE.equals(p.required()),
                        p.defaultValue(), p.description());
                if (p.defaultValue() != null) {
                    parameter.check(p.defaultValue());
                }
                checked.add(parameter);
            } catch (PatternSyntaxException e) {
                errors.add(new InputError(field + ".pattern", "is not a valid regular expression: " + e.getDescription()));
            } catch (IllegalArgumentException e) {
                errors.add(new InputError(field, e.getMessage()));
            }
        }
        return checked;
    }

    private static void placeholdersIn(String field, String text, Set<String> declared, List<InputError> errors) {
        try {
            for (String placeholder : CommandTemplate.parse(text).placeholders()) {
                if (!declared.contains(placeholder)) {
                    errors.add(new InputError(field, "uses <" + placeholder + ">, which is not a declared parameter"));
                }
            }
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(field, e.getMessage()));
        }
    }
}
