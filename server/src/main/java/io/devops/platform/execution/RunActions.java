package io.devops.platform.execution;

import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunTransitions;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.Resolution;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cancel and resume, each recorded in the audit trail. */
@Service
@Transactional
class RunActions {

    private final Runs runs;
    private final RunContents contents;
    private final RunTransitions transitions;
    private final NodeTargets targets;
    private final RunScheduling scheduling;
    private final AuditTrail audit;
    private final RunAccess access;
    private final RunApprovals approvals;
    private final Clock clock;

    RunActions(Runs runs, RunContents contents, RunTransitions transitions, NodeTargets targets, RunScheduling scheduling,
               AuditTrail audit, Clock clock, RunAccess access, RunApprovals approvals) {
        this.access = access;
        this.approvals = approvals;
        this.runs = runs;
        this.contents = contents;
        this.transitions = transitions;
        this.targets = targets;
        this.scheduling = scheduling;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A queued run (or one waiting for approval: the request is withdrawn) ends at once; a running one
     * is stopped by its executor within a second or so.
     */
    void cancel(long runId) {
        access.requireOperable(runId);
        RunRecord run = runs.get(runId).orElseThrow(() -> new NotFoundException("Run", runId));
        if (run.status().isFinal() && run.status() != RunStatus.INTERRUPTED) {
            throw new ConflictException("Run " + runId + " already ended " + run.status());
        }
        runs.requestCancel(runId);
        // A run that started meanwhile is not ended here: its execution sees the request and ends it.
        if (transitions.endFrom(runId, Set.of(RunStatus.QUEUED, RunStatus.INTERRUPTED, RunStatus.PENDING_APPROVAL), RunStatus.CANCELLED,
                "cancelled by " + CurrentActor.name(), "cancelled", clock.instant(), CurrentActor.name())
                && run.status() == RunStatus.PENDING_APPROVAL) {
            approvals.withdrawn(runId);
        }
        audit.recordInTenant(access.tenantOf(runId), "run.cancelled", "run", runId, CurrentActor.name() + " cancelled run " + runId, Map.of("status", run.status()), null);
    }

    /**
     * Runs an INTERRUPTED or FAILED run again: each node from its first step that did not succeed
     * on it (what succeeded stays, and does not run again).
     */
    void resume(long runId) {
        access.requireOperable(runId);
        RunRecord run = runs.get(runId).orElseThrow(() -> new NotFoundException("Run", runId));
        if (run.status() != RunStatus.INTERRUPTED && run.status() != RunStatus.FAILED) {
            throw new ConflictException("Run " + runId + " is " + run.status() + "; only INTERRUPTED or FAILED runs can be resumed");
        }
        List<Long> nodeIds = contents.items(runId).stream().flatMap(item -> item.nodes().stream())
                .map(RunContents.RunNode::nodeId).distinct().toList();
        Resolution resolution = targets.resolve(nodeIds, List.of());
        refuseResumeIf(runId, resolution.problems());
        if (!transitions.requeue(runId, Set.of(RunStatus.INTERRUPTED, RunStatus.FAILED), "resumed by " + CurrentActor.name(),
                clock.instant(), CurrentActor.name())) {
            throw new ConflictException("Run " + runId + " changed while it was being resumed; look at it again");
        }
        refuseResumeIf(runId, targets.hold(resolution.nodes())); // as RunStarter: a delete or move now waits and sees the run
        audit.recordInTenant(access.tenantOf(runId), "run.resumed", "run", runId, CurrentActor.name() + " resumed run " + runId, Map.of("status", run.status()), null);
        scheduling.scheduleAfterCommit(runId);
    }

    private static void refuseResumeIf(long runId, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConflictException("Cannot resume run " + runId + ": " + String.join("; ", problems));
        }
    }
}
