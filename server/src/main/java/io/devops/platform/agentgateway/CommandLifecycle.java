package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Outcome;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Ends commands: one conditional update, and the event only for the caller that won it. */
@Component
class CommandLifecycle {

    private final AgentCommands commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommandLifecycle(AgentCommands commands, ApplicationEventPublisher events, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    boolean finish(long commandId, long nodeId, CommandStatus to, Outcome outcome) {
        if (!to.isFinal()) {
            throw new IllegalArgumentException(to + " is not a final state");
        }
        boolean won = commands.finish(commandId, to, outcome, clock.instant());
        if (won) {
            events.publishEvent(new AgentCommandFinished(new CommandId(commandId), nodeId, to, outcome.exitCode(),
                    outcome.message()));
        }
        return won;
    }
}
