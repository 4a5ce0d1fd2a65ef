package io.devops.platform.health;

import io.devops.platform.acceptance.AcceptanceCheck;
import io.devops.platform.shared.DisplayName;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link HealthPolicyRequest} into a {@link HealthPolicySpec} or refuses it naming every bad
 * place: an unknown component, severity, action or check; a chain that does not start with DRAIN (the
 * repairs run on a drained node) or names RMA before its end (RMA ends the chain) or an action twice;
 * two rules for the same match; a negative limit or escalation.
 */
@Component
class HealthPolicyChecks {

    static final List<String> COMPONENTS = List.of("xid", "sxid", "gpu", "nvlink", "fabricmanager", "infiniband", "disk");
    static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");
    private static final Pattern CODE = Pattern.compile("\\*|[A-Za-z0-9_]{1,64}");
    private static final int MAX_ESCALATION = 10;

    private final List<String> checkNames;

    HealthPolicyChecks(List<AcceptanceCheck> checks) {
        this.checkNames = checks.stream().map(AcceptanceCheck::name).sorted().toList();
    }

    HealthPolicySpec check(HealthPolicyRequest request) {
        List<InputError> errors = new ArrayList<>();
        String name = null;
        try {
            name = DisplayName.check("name", request.name());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        List<HealthRule> rules = rules(request.rules(), errors);
        HealthLimits limits = limits(request.limits(), errors);
        List<String> checks = reacceptance(request.reacceptanceChecks(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The health policy is not valid: " + errors.get(0).field() + ": "
                    + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), errors);
        }
        return new HealthPolicySpec(name, rules, limits, Boolean.TRUE.equals(request.dryRun()), checks);
    }

    private List<HealthRule> rules(List<HealthPolicyRequest.Rule> given, List<InputError> errors) {
        if (given == null) {
            errors.add(new InputError("rules", "is required (a list; an empty one records nothing)"));
            return List.of();
        }
        List<HealthRule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "rules[" + i + "]";
            HealthPolicyRequest.Rule rule = given.get(i);
            if (rule == null || rule.match() == null) {
                errors.add(new InputError(at + ".match", "is required: the component and code it matches"));
                continue;
            }
            String component = match(at, rule.match(), errors);
            String code = rule.match().code() == null ? "" : rule.match().code().strip();
            Integer earlier = seen.putIfAbsent(component + " " + code, i);
            if (earlier != null) {
                errors.add(new InputError(at + ".match", "duplicates rules[" + earlier + "] (" + component + " " + code
                        + "); one rule per match"));
            }
            String severity = severity(at, rule.severity(), errors);
            List<RepairAction> actions = actions(at, rule.actions(), errors);
            int escalate = rule.escalateAfterRepairs() == null ? BuiltinHealthPolicy.ESCALATION : rule.escalateAfterRepairs();
            if (escalate < 0 || escalate > MAX_ESCALATION) {
                errors.add(new InputError(at + ".escalateAfterRepairs", "must be 0 to " + MAX_ESCALATION + ", not " + escalate));
            }
            rules.add(new HealthRule(component, code, severity, actions, escalate));
        }
        return rules;
    }

    private static String match(String at, HealthPolicyRequest.Match match, List<InputError> errors) {
        String component = match.component() == null ? "" : match.component().strip();
        if (!COMPONENTS.contains(component)) {
            errors.add(new InputError(at + ".match.component", "'" + component + "' is not a component; use one of " + COMPONENTS));
        }
        String code = match.code() == null ? "" : match.code().strip();
        if (!CODE.matcher(code).matches()) {
            errors.add(new InputError(at + ".match.code", "'" + code + "' is not a code: letters, digits and _ (up to 64),"
                    + " or * for every code of the component"));
        }
        return component;
    }

    private static String severity(String at, String given, List<InputError> errors) {
        String severity = given == null ? "" : given.strip();
        if (!SEVERITIES.contains(severity)) {
            errors.add(new InputError(at + ".severity", "'" + severity + "' is not a severity; use one of " + SEVERITIES));
        }
        return severity;
    }

    private static List<RepairAction> actions(String at, List<String> given, List<InputError> errors) {
        List<RepairAction> actions = new ArrayList<>();
        List<String> names = given == null ? List.of() : given;
        for (int a = 0; a < names.size(); a++) {
            String field = at + ".actions[" + a + "]";
            RepairAction action = action(names.get(a));
            if (action == null) {
                errors.add(new InputError(field, "'" + names.get(a) + "' is not an action; use one of "
                        + Arrays.toString(RepairAction.values())));
            } else if (actions.contains(action)) {
                errors.add(new InputError(field, action + " is named twice; each action once, in the order they are done"));
            } else if (a == 0 && action != RepairAction.DRAIN) {
                errors.add(new InputError(field, "a chain starts with DRAIN: repairs run on a drained node"));
            } else if (a > 0 && action == RepairAction.DRAIN) {
                errors.add(new InputError(field, "DRAIN comes first, not after other actions"));
            } else if (action == RepairAction.RMA && a != names.size() - 1) {
                errors.add(new InputError(field, "RMA ends the chain: it must be the last action"));
            }
            actions.add(action);
        }
        return actions.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static RepairAction action(String name) {
        return Arrays.stream(RepairAction.values()).filter(a -> a.name().equals(name == null ? null : name.strip()))
                .findFirst().orElse(null);
    }

    private static HealthLimits limits(HealthPolicyRequest.Limits given, List<InputError> errors) {
        if (given == null) {
            return HealthLimits.DEFAULT;
        }
        HealthLimits d = HealthLimits.DEFAULT;
        int nodes = limit("limits.maxNodesPerPool", given.maxNodesPerPool(), d.maxNodesPerPool(), Integer.MAX_VALUE, errors);
        int percent = limit("limits.maxPercentPerPool", given.maxPercentPerPool(), d.maxPercentPerPool(), 100, errors);
        int hourly = limit("limits.maxPerHour", given.maxPerHour(), d.maxPerHour(), Integer.MAX_VALUE, errors);
        return new HealthLimits(nodes, percent, hourly);
    }

    private static int limit(String field, Integer given, int otherwise, int max, List<InputError> errors) {
        int value = given == null ? otherwise : given;
        if (value < 0 || value > max) {
            errors.add(new InputError(field, "must be 0 or more" + (max < Integer.MAX_VALUE ? " and at most " + max : "")
                    + ", not " + value));
        }
        return value;
    }

    private List<String> reacceptance(List<String> given, List<InputError> errors) {
        if (given == null) {
            return BuiltinHealthPolicy.REACCEPTANCE;
        }
        List<String> checks = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String check = given.get(i) == null ? "" : given.get(i).strip();
            if (!checkNames.contains(check)) {
                errors.add(new InputError("reacceptanceChecks[" + i + "]", "'" + check + "' is not an acceptance check; use any of "
                        + checkNames));
            } else if (checks.contains(check)) {
                errors.add(new InputError("reacceptanceChecks[" + i + "]", check + " is named twice"));
            }
            checks.add(check);
        }
        return checks;
    }
}
