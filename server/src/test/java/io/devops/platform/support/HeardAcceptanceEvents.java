package io.devops.platform.support;

import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.acceptance.NodeAcceptanceStarted;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the lifecycle hears: every acceptance event the platform publishes, kept for the tests (a
 * component of the one shared test context, so that no test needs a context of its own).
 */
@Component
public class HeardAcceptanceEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void started(NodeAcceptanceStarted event) {
        events.add(event);
    }

    @EventListener
    void concluded(NodeAcceptanceConcluded event) {
        events.add(event);
    }

    public List<Object> all() {
        return List.copyOf(events);
    }
}
