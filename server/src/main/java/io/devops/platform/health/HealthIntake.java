package io.devops.platform.health;

import io.devops.platform.agentgateway.AgentHealthReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an agent's health events while its request waits, all of them in one transaction: the
 * agent hears 200 only when every one is stored, and sends them all again otherwise.
 */
@Service
class HealthIntake {

    private final HealthEventStore store;

    HealthIntake(HealthEventStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional
    void on(AgentHealthReported reported) {
        reported.events().forEach(event -> store.store(reported.nodeId(), event));
    }
}
