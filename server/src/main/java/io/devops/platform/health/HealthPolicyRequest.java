package io.devops.platform.health;

import java.util.List;

/**
 * A health policy as POST and PUT take it. Everything is text or boxed here so that a bad value is
 * refused by {@link HealthPolicyChecks} naming its place ({@code rules[3].actions[1]}), not by JSON
 * binding. Left out: {@code limits} and {@code reacceptanceChecks} take the defaults, a rule's
 * {@code escalateAfterRepairs} is 2.
 */
record HealthPolicyRequest(String name, List<Rule> rules, Limits limits, Boolean dryRun, List<String> reacceptanceChecks) {

    record Rule(Match match, String severity, List<String> actions, Integer escalateAfterRepairs) {
    }

    record Match(String component, String code) {
    }

    record Limits(Integer maxNodesPerPool, Integer maxPercentPerPool, Integer maxPerHour) {
    }

    /** The API's shape of a stored rule. */
    static Rule of(HealthRule rule) {
        return new Rule(new Match(rule.component(), rule.code()), rule.severity(),
                rule.actions().stream().map(Enum::name).toList(), rule.escalateAfterRepairs());
    }
}
