package io.devops.platform.notify;

import io.devops.platform.execution.RunEnded;
import io.devops.platform.health.HealthNotice;
import io.devops.platform.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * What a rule can ask to be told about; TEST is the "send a test message" action's own.
 * RUN_PENDING_APPROVAL: a run waits for a second person (the job's approval rule).
 * CATALOG_PLAN_WAITING: a scheduled Git sync's plan waits for approval or has conflicts (rules for every job only).
 * The health events concern no job either: only rules for every job hear them. HEALTH_RECOMMENDATION:
 * the policy proposes a repair a person must accept (a DELIVERED node); HEALTH_LIMIT_REACHED: a limit
 * stopped an automatic drain (a recommendation instead); NODE_DRAINED: the policy drained a node to REPAIR.
 */
enum NotificationEvent {
    RUN_SUCCEEDED, RUN_FAILED, RUN_CANCELLED, RUN_INTERRUPTED, NODE_ACCEPTANCE_FAILED, RUN_PENDING_APPROVAL, CATALOG_PLAN_WAITING,
    HEALTH_RECOMMENDATION, HEALTH_LIMIT_REACHED, NODE_DRAINED, TEST;

    static NotificationEvent ofHealth(HealthNotice.Kind kind) {
        return switch (kind) {
            case RECOMMENDATION -> HEALTH_RECOMMENDATION;
            case LIMIT_REACHED -> HEALTH_LIMIT_REACHED;
            case DRAINED -> NODE_DRAINED;
        };
    }

    static NotificationEvent ofRun(RunEnded.Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> RUN_SUCCEEDED;
            case FAILED -> RUN_FAILED;
            case CANCELLED -> RUN_CANCELLED;
            case INTERRUPTED -> RUN_INTERRUPTED;
        };
    }

    /** The events a rule may name (all but TEST). */
    static List<NotificationEvent> subscribable() {
        return Arrays.stream(values()).filter(event -> event != TEST).toList();
    }

    static NotificationEvent parse(String field, String name) {
        return subscribable().stream().filter(event -> event.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "'" + name + "' is not an event; use " + subscribable()));
    }
}
