package io.devops.platform.health;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the policy does about a condition on a node in a given lifecycle state, before anything is
 * changed: only a CRITICAL-by-policy rule with DRAIN acts; a node in service for the operations team
 * (READY, TESTING, FAILED_TESTING, MAINTENANCE) is drained within the policy's limits; a DELIVERED
 * node, or one past the limits, gets a recommendation; a dry-run policy only says what it would do.
 */
final class DecisionRules {

    static final Set<String> DRAINABLE = Set.of("READY", "TESTING", "FAILED_TESTING", "MAINTENANCE");

    /** What to do: drain, recommend (with a notice of this kind), or nothing; the outcome to record and why. */
    enum Intent { DRAIN, RECOMMEND, LIMIT, NONE }

    record Plan(Intent intent, DecisionOutcome outcome, List<RepairAction> actions, String reason) {
    }

    private DecisionRules() {
    }

    static Plan plan(HealthPolicyVersion policy, Condition condition, String nodeState, Supplier<Optional<String>> limit) {
        String named = condition.component() + " " + condition.code();
        Optional<HealthRule> matched = policy.ruleFor(condition.component(), condition.code());
        if (matched.isEmpty()) {
            return none(DecisionOutcome.RECORDED, List.of(), policy.actor() + " has no rule for " + named + ": recorded only");
        }
        HealthRule rule = matched.get();
        if (!"CRITICAL".equals(rule.severity()) || !rule.actions().contains(RepairAction.DRAIN)) {
            return none(DecisionOutcome.RECORDED, rule.actions(), policy.actor() + " rates " + named + " " + rule.severity()
                    + " with actions " + rule.actions() + ": only a CRITICAL rule with DRAIN acts; recorded only");
        }
        if ("DELIVERED".equals(nodeState)) {
            return act(policy, Intent.RECOMMEND, DecisionOutcome.RECOMMENDED, rule, named + " is CRITICAL under "
                    + policy.actor() + " but the node is DELIVERED to a tenant: the platform never acts alone there; repair recommended");
        }
        if (!DRAINABLE.contains(nodeState)) {
            return none(DecisionOutcome.NOT_APPLICABLE, rule.actions(), named + " is CRITICAL under " + policy.actor()
                    + " but the node is " + nodeState + ": nothing to drain");
        }
        Optional<String> past = limit.get();
        if (past.isPresent()) {
            return act(policy, Intent.LIMIT, DecisionOutcome.LIMITED, rule, named + " is CRITICAL under " + policy.actor()
                    + " on a " + nodeState + " node, but the " + past.get() + "; repair recommended instead");
        }
        return act(policy, Intent.DRAIN, DecisionOutcome.DRAINED, rule, named + " is CRITICAL under " + policy.actor()
                + " on a " + nodeState + " node: drained to REPAIR for " + rule.actions());
    }

    /** The condition a decision is about. */
    record Condition(String component, String code) {
    }

    private static Plan act(HealthPolicyVersion policy, Intent intent, DecisionOutcome outcome, HealthRule rule, String reason) {
        if (policy.dryRun()) {
            return none(DecisionOutcome.DRY_RUN, rule.actions(), "dry run, nothing changed; it would have done this: " + reason);
        }
        return new Plan(intent, outcome, rule.actions(), reason);
    }

    private static Plan none(DecisionOutcome outcome, List<RepairAction> actions, String reason) {
        return new Plan(Intent.NONE, outcome, actions, reason);
    }
}
