package io.devops.platform.agentgateway;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a command is. Every change is checked against {@link #ALLOWED}; the final states never change.
 * CANCEL_REQUESTED waits for the agent to be told, CANCELLING for the agent to confirm the kill.
 */
public enum CommandStatus {
    QUEUED, DELIVERED, CANCEL_REQUESTED, CANCELLING,
    SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, LOST;

    private static final Map<CommandStatus, Set<CommandStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(DELIVERED, CANCELLED, TIMED_OUT, LOST),
            DELIVERED, EnumSet.of(CANCEL_REQUESTED, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, LOST),
            CANCEL_REQUESTED, EnumSet.of(CANCELLING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, LOST),
            CANCELLING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, LOST));

    public boolean isFinal() {
        return !ALLOWED.containsKey(this);
    }

    public boolean canMoveTo(CommandStatus next) {
        return ALLOWED.getOrDefault(this, Set.of()).contains(next);
    }

    /** The states from which {@code next} may be reached: the WHERE clause of a conditional update. */
    static Set<CommandStatus> predecessorsOf(CommandStatus next) {
        Set<CommandStatus> from = EnumSet.noneOf(CommandStatus.class);
        ALLOWED.forEach((state, targets) -> {
            if (targets.contains(next)) {
                from.add(state);
            }
        });
        return from;
    }
}
