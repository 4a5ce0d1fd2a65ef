package io.devops.platform.agentgateway;

/** What an agent reports when a command's process has ended. */
record AgentResult(Kind outcome, Integer exitCode, Long durationMs, Integer chunks, String message) {

    /** How the process ended, as the agent saw it. */
    enum Kind { EXITED, TIMED_OUT, CANCELLED, FAILED_TO_START }

    CommandStatus status() {
        return switch (outcome) {
            case EXITED -> exitCode != null && exitCode == 0 ? CommandStatus.SUCCEEDED : CommandStatus.FAILED;
            case TIMED_OUT -> CommandStatus.TIMED_OUT;
            case CANCELLED -> CommandStatus.CANCELLED;
            case FAILED_TO_START -> CommandStatus.FAILED;
        };
    }

    String describe(CommandState state) {
        String detail = message == null || message.isBlank() ? "" : ": " + message;
        return switch (outcome) {
            case EXITED -> "exit code " + exitCode + detail;
            case TIMED_OUT -> "killed by the agent after the timeout of " + state.timeoutSeconds() + " s" + detail;
            case CANCELLED -> "cancelled by " + (state.cancelRequestedBy() == null ? "the platform" : state.cancelRequestedBy())
                    + "; the agent killed the process tree" + detail;
            case FAILED_TO_START -> "the agent could not start the command" + detail;
        };
    }
}
