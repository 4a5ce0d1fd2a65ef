package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks the steps of a template draft against the catalog and resolves them into compiler
 * input: exact operator and shell versions, typed values, the rendered command. Every problem is
 * reported at once, by step.
 */
@Component
class StepResolver {

    /** The steps as stored (with resolved parameter values) and as compiled. */
    record Resolved(List<Templates.StepRow> rows, List<TemplateStep> steps) {
    }

    private final OperatorCatalog operators;
    private final Shells shells;
    private final Variables variables;

    StepResolver(OperatorCatalog operators, Shells shells, Variables variables) {
        this.variables = variables;
        this.operators = operators;
        this.shells = shells;
    }

    Resolved resolve(List<TemplateDraft.StepDraft> drafts) {
        List<InputError> errors = new ArrayList<>();
        List<Templates.StepRow> rows = new ArrayList<>();
        List<TemplateStep> steps = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            errors.add(new InputError("steps", "a template needs at least one step"));
        }
        for (int i = 0; drafts != null && i < drafts.size(); i++) {
            TemplateDraft.StepDraft draft = drafts.get(i);
            String field = "steps[" + i + "]";
            String type = draft == null || draft.type() == null ? "" : draft.type();
            switch (type) {
                case "operator" -> operatorStep(i + 1, draft, field, rows, steps, errors);
                case "script" -> scriptStep(i + 1, draft, field, rows, steps, errors);
                default -> errors.add(new InputError(field + ".type", "must be operator or script"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The template is not valid: " + errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
        return new Resolved(rows, steps);
    }

    private void operatorStep(int sequence, TemplateDraft.StepDraft draft, String field, List<Templates.StepRow> rows,
                              List<TemplateStep> steps, List<InputError> errors) {
        Operator operator = draft.operatorId() == null ? null
                : operators.find(draft.operatorId()).orElse(null);
        if (operator == null || operator.deleted()) {
            errors.add(new InputError(field + ".operatorId", draft.operatorId() == null ? "is required"
                    : "operator " + draft.operatorId() + (operator == null ? " does not exist" : " is deleted")));
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        operator.values().forEach((name, value) -> values.put(name, VariableType.yaml(value)));
        operator.secretsSet().forEach(name -> values.put(name, new OperatorSecrets.Reference(name)));
        Set<String> templated = variables.ofRole(operator.roleId()).stream().filter(Variable::templated)
                .map(Variable::name).filter(values::containsKey).collect(Collectors.toSet());
        rows.add(new Templates.StepRow(sequence, "operator", operator.id(), Dispatch.ANSIBLE, Map.of()));
        steps.add(new TemplateStep.OperatorStep(sequence, operator.id(), operator.name(), operator.optVersion(),
                operator.roleName(), operator.roleHash(), values, templated));
    }

    private void scriptStep(int sequence, TemplateDraft.StepDraft draft, String field, List<Templates.StepRow> rows,
                            List<TemplateStep> steps, List<InputError> errors) {
        ShellScript shell = draft.shellId() == null ? null : shells.byId(draft.shellId()).orElse(null);
        if (shell == null || shell.deleted()) {
            errors.add(new InputError(field + ".shellId", draft.shellId() == null ? "is required"
                    : "shell " + draft.shellId() + (shell == null ? " does not exist" : " is deleted")));
            return;
        }
        Dispatch dispatch = shell.dispatch();
        try {
            dispatch = draft.dispatch() == null ? shell.dispatch() : Dispatch.parse(draft.dispatch());
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(field + ".dispatch", e.getMessage()));
        }
        String runAsProblem = RunAs.problem(shell.runAs(), dispatch);
        if (runAsProblem != null) {
            errors.add(new InputError(field + ".dispatch", "shell " + shell.name() + " runs as " + shell.runAs()
                    + ", which " + runAsProblem));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> values = shell.resolve(draft.params() == null ? Map.of() : draft.params(), problems);
        problems.forEach((name, message) -> errors.add(new InputError(field + ".params." + name, message)));
        if (!problems.isEmpty()) {
            return;
        }
        List<String> reports = shell.reports(values);
        for (String report : reports) {
            if (!report.startsWith("/") || report.contains("/../") || report.endsWith("/..") || report.contains("\n")) {
                errors.add(new InputError(field + ".params", "the report path would be '" + report
                        + "'; it must stay an absolute path without '..'"));
            }
        }
        rows.add(new Templates.StepRow(sequence, "script", shell.id(), dispatch, values));
        steps.add(new TemplateStep.ScriptStep(sequence, shell.id(), shell.name(), shell.version(), dispatch,
                shell.command(values), reports, shell.runAs()));
    }
}
