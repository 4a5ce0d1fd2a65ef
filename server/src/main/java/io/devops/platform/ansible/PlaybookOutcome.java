package io.devops.platform.ansible;

import java.util.List;
import java.util.Map;

/**
 * How a playbook ended, and what happened on every host for every task (from the callback's
 * events, not from parsing the human-readable output).
 */
public record PlaybookOutcome(Ending ending, Integer exitCode, String message, List<HostTaskResult> results,
                              Map<String, HostStats> stats) {

    /**
     * Whether {@code host} answered the play's closing task ({@link PlayCompletion}): only then did
     * it run the play to its end.
     */
    public boolean reachedEnd(String host) {
        return results.stream().anyMatch(result -> result.host().equals(host) && PlayCompletion.isCompletion(result));
    }

    public enum Ending {
        /** Exit code 0. */
        SUCCEEDED,
        /** Exit code 2: a task failed on some host. */
        FAILED,
        /** Exit code 4: some host could not be reached. */
        UNREACHABLE,
        /** Another exit code: bad playbook, bad options, an internal error. */
        ERROR,
        CANCELLED,
        TIMED_OUT,
        /** ansible-playbook is not installed where the server looks for it. */
        NOT_INSTALLED
    }

    /** One task on one host: status is ok, changed, failed, ignored, unreachable or skipped. */
    public record HostTaskResult(String host, String task, String role, String status, boolean changed, Integer rc,
                                 String message, long durationMs) {
    }

    /** The recap line of one host. */
    public record HostStats(int ok, int changed, int failures, int unreachable, int skipped, int rescued, int ignored) {
    }
}
