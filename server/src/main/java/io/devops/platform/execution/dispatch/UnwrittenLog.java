package io.devops.platform.execution.dispatch;

import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunStatus;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A step whose log cannot be written (database down, disk full) is stopped and fails within
 * seconds, with the reason on every node, rather than running on unrecorded until its timeout.
 */
final class UnwrittenLog {

    private UnwrittenLog() {
    }

    /** A stop check: the user's cancel, or a log that has not been written for {@link LogAppender#WRITE_FAILURE_GRACE}. */
    static BooleanSupplier orFailing(BooleanSupplier cancelled, LogAppender log) {
        return () -> cancelled.getAsBoolean() || log.writeFailure().isPresent();
    }

    /** The step's outcome: FAILED on every node, whatever the nodes did, because nobody can see what they did. */
    static TaskOutcome failed(String reason, List<HostResult> hosts) {
        List<HostResult> failed = hosts.stream()
                .map(host -> new HostResult(host.nodeId(), host.ip(), RunStatus.FAILED, host.rc(), host.ok(), host.changed(),
                        host.failed(), host.skipped(), host.durationMs(), reason + "; the step was stopped"))
                .sorted(Comparator.comparingLong(HostResult::nodeId))
                .toList();
        return new TaskOutcome(RunStatus.FAILED, null, reason, failed);
    }
}
