package io.devops.platform.health;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.lifecycle.RepairStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides what the policy in force does about each owed event, one event per transaction: it takes
 * the event's {@code decision_due} mark, records the decision and does what it says (the drain, the
 * recommendation, the notices) in that one transaction, so that a decision is made exactly once and
 * never half. Runs right after the intake's commit and again from {@link DecisionSweepTask}, which
 * finds what a restart or a failure left owed.
 */
@Component
class HealthDecider {

    private static final Logger log = LoggerFactory.getLogger(HealthDecider.class);
    private static final int BATCH = 200;

    private final HealthDecisionStore decisions;
    private final RepairRecommendations recommendations;
    private final HealthNodes nodes;
    private final HealthPolicies policies;
    private final RepairStates states;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HealthDecider(HealthDecisionStore decisions, RepairRecommendations recommendations, HealthNodes nodes, HealthPolicies policies,
                  RepairStates states, ApplicationEventPublisher events, AuditTrail audit, PlatformTransactionManager transactions,
                  Clock clock) {
        this.decisions = decisions;
        this.recommendations = recommendations;
        this.nodes = nodes;
        this.policies = policies;
        this.states = states;
        this.events = events;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The platform decides, not the agent whose request stored the events: its scope would hide the node. */
    @TransactionalEventListener
    void on(HealthIntake.DecisionsDue due) {
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            decideDue(due.nodeId());
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }

    /** Decides the owed events (of one node, or of all when null); answers how many it decided. */
    int decideDue(Long nodeId) {
        int decided = 0;
        for (long eventId : decisions.due(nodeId, BATCH)) {
            try {
                decided += Boolean.TRUE.equals(transaction.execute(status -> decide(eventId))) ? 1 : 0;
            } catch (RuntimeException e) {
                // Its transaction rolled back, the decision_due mark with it: the sweep tries again.
                log.warn("Health decision for event {} failed and stays owed: {}", eventId, e.toString());
            }
        }
        return decided;
    }

    private boolean decide(long eventId) {
        if (!decisions.claim(eventId)) {
            return false;
        }
        HealthDecisionStore.DueEvent event = decisions.event(eventId).orElseThrow();
        Optional<HealthNodes.Node> found = nodes.find(event.nodeId());
        if (found.isEmpty()) {
            return false;
        }
        HealthNodes.Node node = found.get();
        int poolSize = nodes.lockPool(node.poolId());
        HealthPolicyVersion policy = policies.forPool(node.poolId());
        String state = states.state(node.id());
        Instant now = clock.instant();
        DecisionRules.Plan plan = DecisionRules.plan(policy, new DecisionRules.Condition(event.component(), event.code()), state,
                () -> LimitCheck.exceeded(policy.limits(), counts(node.poolId(), poolSize, now)));
        if (plan.intent() == DecisionRules.Intent.DRAIN && states.enterRepair(node.id(), policy.actor(), plan.reason()).isEmpty()) {
            plan = new DecisionRules.Plan(DecisionRules.Intent.NONE, DecisionOutcome.NOT_APPLICABLE, plan.actions(),
                    "the node left " + state + " while this was decided; nothing drained");
        }
        Optional<Long> decision = decisions.insert(event, node.poolId(), policy, plan, state, now);
        if (decision.isPresent()) {
            follow(plan, event, node, policy, decision.get(), now);
        }
        return decision.isPresent();
    }

    private LimitCheck.Counts counts(long poolId, int poolSize, Instant now) {
        int inRepair = (int) states.inRepair(decisions.drainedNodesOfPool(poolId));
        return new LimitCheck.Counts(poolSize, inRepair, decisions.drainedSince(now.minus(Duration.ofHours(1))));
    }

    /** The decision's consequences, published in its transaction: the repair request and the notices. */
    private void follow(DecisionRules.Plan plan, HealthDecisionStore.DueEvent event, HealthNodes.Node node, HealthPolicyVersion policy,
                        long decisionId, Instant now) {
        HealthRule rule = policy.ruleFor(event.component(), event.code()).orElse(null);
        switch (plan.intent()) {
            case DRAIN -> {
                audit.recordInTenant(node.tenantId(), "node.drained", "node", node.id(), "Node " + node.ip() + " drained to REPAIR by "
                        + policy.actor() + ": " + plan.reason(), null, Map.of("lifecycle", "REPAIR"));
                events.publishEvent(new RepairRequested(node.id(), event.id(), event.component(), event.code(), event.subject(),
                        rule.actions(), rule.escalateAfterRepairs(), policy.policyId(), policy.version(), policy.reacceptanceChecks(),
                        policy.actor(), plan.reason()));
                events.publishEvent(notice(HealthNotice.Kind.DRAINED, event, node, null, plan, policy, now));
            }
            case RECOMMEND, LIMIT -> {
                long id = recommendations.insert(event, decisionId, policy, rule, plan.reason(), now);
                events.publishEvent(notice(plan.intent() == DecisionRules.Intent.LIMIT ? HealthNotice.Kind.LIMIT_REACHED
                        : HealthNotice.Kind.RECOMMENDATION, event, node, id, plan, policy, now));
            }
            case NONE -> {
            }
        }
    }

    private static HealthNotice notice(HealthNotice.Kind kind, HealthDecisionStore.DueEvent event, HealthNodes.Node node,
                                       Long recommendationId, DecisionRules.Plan plan, HealthPolicyVersion policy, Instant now) {
        return new HealthNotice(kind, node.id(), node.ip(), node.tenantId(), recommendationId, event.component(), event.code(),
                event.severity(), event.evidence(), plan.reason(), policy.actor(), now);
    }
}
