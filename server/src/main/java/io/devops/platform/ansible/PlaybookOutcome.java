package io.devops.platform.ansible;

import io.devops.platform.ansible.PlaybookRun.HostKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a playbook ended, and what happened on every host for every task (from the callback's
 * events, not from parsing the human-readable output).
 *
 * @param learnedHostKeys by host name, the keys ssh accepted on first contact with a host that then
 *                        answered (signed in and ran a task): for the caller to record
 * @param refusedHostKeys by host name, the hosts ssh refused to talk to because they did not show
 *                        their recorded host key
 */
public record PlaybookOutcome(Ending ending, Integer exitCode, String message, List<HostTaskResult> results,
                              Map<String, HostStats> stats, Map<String, List<HostKey>> learnedHostKeys,
                              Map<String, RefusedHostKey> refusedHostKeys) {

    public PlaybookOutcome {
        learnedHostKeys = Map.copyOf(learnedHostKeys);
        refusedHostKeys = Map.copyOf(refusedHostKeys);
    }

    public PlaybookOutcome(Ending ending, Integer exitCode, String message, List<HostTaskResult> results,
                           Map<String, HostStats> stats) {
        this(ending, exitCode, message, results, stats, Map.of(), Map.of());
    }

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

    /**
     * One task on one host: status is ok, changed, failed, ignored, unreachable or skipped.
     * {@code step}: the name of the platform's include of the template step the task belongs to
     * ({@code [platform] step N: ...}), null outside one.
     */
    public record HostTaskResult(String host, String task, String role, String status, boolean changed, Integer rc,
                                 String message, long durationMs, String step) {

        public HostTaskResult(String host, String task, String role, String status, boolean changed, Integer rc,
                              String message, long durationMs) {
            this(host, task, role, status, changed, rc, message, durationMs, null);
        }

        /** The sequence of the template step the task belongs to, when it belongs to one. */
        public Optional<Integer> stepSequence() {
            Matcher matcher = step == null ? null : STEP.matcher(step);
            return matcher != null && matcher.lookingAt() ? Optional.of(Integer.parseInt(matcher.group(1)))
                    : Optional.empty();
        }

        private static final Pattern STEP = Pattern.compile("\\[platform] step (\\d{1,9}):");
    }

    /**
     * A host that offered a key other than its recorded one: a man in the middle, or a reinstalled
     * node. What it offered, as ssh printed it; either may be null when ssh did not say (a key of
     * another type than the recorded one).
     *
     * @param offeredFingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:...}
     */
    public record RefusedHostKey(String offeredType, String offeredFingerprint) {
    }

    /** The recap line of one host. */
    public record HostStats(int ok, int changed, int failures, int unreachable, int skipped, int rescued, int ignored) {
    }
}
