package io.devops.platform.health;

import io.devops.platform.agentgateway.AgentHealthReported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an agent's health events while its request waits, all of them in one transaction: the
 * agent hears 200 only when every one is stored, and sends them all again otherwise. The decisions
 * the stored events owe are made after that commit ({@link DecisionsDue}).
 */
@Service
class HealthIntake {

    private final HealthEventStore store;
    private final ApplicationEventPublisher events;

    HealthIntake(HealthEventStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @EventListener
    @Transactional
    void on(AgentHealthReported reported) {
        reported.events().forEach(event -> store.store(reported.nodeId(), event));
        events.publishEvent(new DecisionsDue(reported.nodeId()));
    }

    /** The node's stored events may owe decisions; heard after the intake's commit. */
    record DecisionsDue(long nodeId) {
    }
}
