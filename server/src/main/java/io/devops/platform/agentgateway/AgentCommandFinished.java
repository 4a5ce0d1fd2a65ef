package io.devops.platform.agentgateway;

/** Published once when a command reaches a final state, whichever instance or sweep decided it. */
public record AgentCommandFinished(CommandId commandId, long nodeId, CommandStatus status, Integer exitCode,
                                   String message) {
}
