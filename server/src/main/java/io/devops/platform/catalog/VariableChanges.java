package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the variables a new version of a role's files declares differ from those the catalog has
 * declared, and which current operators that breaks: one whose values miss a newly required
 * variable, hold a value for a removed one, or no longer pass the new type, choices or schema.
 */
record VariableChanges(List<String> added, List<String> removed, List<Changed> changed,
                       List<BrokenOperator> brokenOperators) {

    /** What changed of one variable, each as "type: string → integer". */
    record Changed(String name, List<String> changes) {
    }

    record BrokenOperator(long id, String name, int version, List<String> reasons) {
    }

    /** An operator's current values: the canonical text by variable id. */
    record OperatorValues(long id, String name, int version, Map<Long, String> values) {
    }

    static VariableChanges between(List<Variable> declared, List<Variable> proposed, List<OperatorValues> operators) {
        Map<String, Variable> before = byName(declared);
        Map<String, Variable> after = byName(proposed);
        List<String> added = proposed.stream().map(Variable::name).filter(n -> !before.containsKey(n)).toList();
        List<String> removed = declared.stream().map(Variable::name).filter(n -> !after.containsKey(n)).toList();
        List<Changed> changed = new ArrayList<>();
        for (Variable old : declared) {
            Variable now = after.get(old.name());
            List<String> changes = now == null ? List.of() : changes(old, now);
            if (!changes.isEmpty()) {
                changed.add(new Changed(old.name(), changes));
            }
        }
        List<BrokenOperator> broken = new ArrayList<>();
        for (OperatorValues operator : operators) {
            List<String> reasons = reasons(operator, declared, after);
            if (!reasons.isEmpty()) {
                broken.add(new BrokenOperator(operator.id(), operator.name(), operator.version(), reasons));
            }
        }
        return new VariableChanges(added, removed, changed, broken);
    }

    boolean any() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }

    private static List<String> changes(Variable old, Variable now) {
        List<String> changes = new ArrayList<>();
        compare(changes, "type", old.type().apiName(), now.type().apiName());
        compare(changes, "required", old.required(), now.required());
        compare(changes, "default", shown(old), shown(now));
        compare(changes, "choices", old.choices(), now.choices());
        compare(changes, "schema", old.schema(), now.schema());
        return changes;
    }

    private static void compare(List<String> changes, String what, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.add(what + ": " + (old == null ? "none" : old) + " → " + (now == null ? "none" : now));
        }
    }

    private static String shown(Variable variable) {
        return variable.defaultValue() == null ? null : variable.type().toJson(variable.defaultValue()).toString();
    }

    private static List<String> reasons(OperatorValues operator, List<Variable> declared, Map<String, Variable> after) {
        List<String> reasons = new ArrayList<>();
        Map<String, String> values = declared.stream().filter(v -> operator.values().containsKey(v.id()))
                .collect(Collectors.toMap(Variable::name, v -> operator.values().get(v.id())));
        for (Variable old : declared) {
            String value = values.get(old.name());
            Variable now = after.get(old.name());
            if (value != null && now == null) {
                reasons.add(old.name() + ": holds a value, but the new files no longer declare it");
            } else if (value != null) {
                reasons.addAll(revalidated(old, now, value));
            }
        }
        after.values().stream()
                .filter(v -> v.required() && v.defaultValue() == null && !values.containsKey(v.name()))
                .forEach(v -> reasons.add(v.name() + ": is now required and the operator gives no value"));
        return reasons;
    }

    /** A sealed secret is never opened to be checked: it carries over to a secret only. */
    private static List<String> revalidated(Variable old, Variable now, String value) {
        if (old.secret() || now.secret()) {
            return old.secret() == now.secret() ? List.of()
                    : List.of(old.name() + ": changes between secret and " + (old.secret() ? now : old).type().apiName()
                            + "; the value cannot carry over");
        }
        List<InputError> errors = new ArrayList<>();
        now.check(old.type().toJson(value), old.name(), errors);
        return errors.stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    private static Map<String, Variable> byName(List<Variable> variables) {
        return variables.stream().collect(Collectors.toMap(Variable::name, Function.identity()));
    }
}
