package io.devops.platform.catalogsync;

import io.devops.platform.health.HealthLimits;
import io.devops.platform.health.HealthPolicySpec;
import io.devops.platform.health.HealthRule;
import io.devops.platform.health.RepairAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A health policy's file, {@code health-policies/<name>.yaml}: dry-run flag, limits, re-acceptance
 * checks and the rules in their order, each with its match, severity, ordered actions and escalation.
 * Reading checks only the shape; the policy's own checks judge the content when it is saved.
 */
final class HealthPolicyYaml {

    static final String KIND = "healthPolicy";
    private static final List<String> ACTIONS = Arrays.stream(RepairAction.values()).map(Enum::name).toList();

    private HealthPolicyYaml() {
    }

    static Map<String, Object> write(Map<String, Object> doc, HealthPolicySpec spec) {
        doc.put("dryRun", spec.dryRun());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxNodesPerPool", spec.limits().maxNodesPerPool());
        limits.put("maxPercentPerPool", spec.limits().maxPercentPerPool());
        limits.put("maxPerHour", spec.limits().maxPerHour());
        doc.put("limits", limits);
        doc.put("reacceptanceChecks", spec.reacceptanceChecks());
        List<Object> rules = new ArrayList<>();
        for (HealthRule rule : spec.rules()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("component", rule.component());
            entry.put("code", rule.code());
            entry.put("severity", rule.severity());
            entry.put("actions", rule.actions().stream().map(Enum::name).toList());
            entry.put("escalateAfterRepairs", rule.escalateAfterRepairs());
            rules.add(entry);
        }
        doc.put("rules", rules);
        return doc;
    }

    static HealthPolicySpec read(YamlDocument doc) {
        doc.allowOnly(TreeFormat.with("dryRun", "limits", "reacceptanceChecks", "rules"));
        List<HealthRule> rules = doc.documents("rules").stream().map(HealthPolicyYaml::rule).toList();
        return new HealthPolicySpec(doc.requiredText("name"), rules, limits(doc.document("limits")),
                doc.bool("dryRun", false), doc.texts("reacceptanceChecks"));
    }

    private static HealthLimits limits(YamlDocument limits) {
        if (limits == null) {
            return HealthLimits.DEFAULT;
        }
        limits.allowOnly(Set.of("maxNodesPerPool", "maxPercentPerPool", "maxPerHour"));
        HealthLimits d = HealthLimits.DEFAULT;
        return new HealthLimits(or(limits.integer("maxNodesPerPool", 0), d.maxNodesPerPool()),
                or(limits.integer("maxPercentPerPool", 0), d.maxPercentPerPool()),
                or(limits.integer("maxPerHour", 0), d.maxPerHour()));
    }

    private static HealthRule rule(YamlDocument rule) {
        rule.allowOnly(Set.of("component", "code", "severity", "actions", "escalateAfterRepairs"));
        List<RepairAction> actions = new ArrayList<>();
        for (String action : rule.texts("actions")) {
            if (!ACTIONS.contains(action)) {
                throw rule.problem("actions: '" + action + "' is not an action; use one of " + ACTIONS);
            }
            actions.add(RepairAction.valueOf(action));
        }
        return new HealthRule(rule.requiredText("component"), rule.requiredText("code"), rule.requiredText("severity"),
                actions, or(rule.integer("escalateAfterRepairs", 0), 2));
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
