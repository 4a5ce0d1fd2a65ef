package io.devops.platform.execution;

import io.devops.platform.execution.run.RunApprovalRecords;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunTransitions;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.Resolution;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.job.ApprovalRule;
import io.devops.platform.job.ApprovalRules;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PlatformException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs that wait for a second person. A job's {@link ApprovalRule} decides, when a run is started,
 * whether it waits (PENDING_APPROVAL, never scheduled) instead of being queued; someone other than
 * who started it approves (it is queued, after the same lock and membership checks as a start) or
 * rejects it (CANCELLED, nothing ran). Every request and decision is in the audit trail.
 */
@Service
@Transactional
class RunApprovals {

    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String WITHDRAWN = "WITHDRAWN";
    private static final int SHOWN_NODES = 5;
    private static final int MAX_COMMENT = 2000;

    private final ApprovalRules rules;
    private final RunApprovalRecords records;
    private final NodeTargets targets;
    private final Runs runs;
    private final RunContents contents;
    private final RunTransitions transitions;
    private final RunScheduling scheduling;
    private final AuditTrail audit;
    private final RunAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunApprovals(ApprovalRules rules, RunApprovalRecords records, NodeTargets targets, Runs runs, RunContents contents,
                 RunTransitions transitions, RunScheduling scheduling, AuditTrail audit, RunAccess access,
                 ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.rules = rules;
        this.records = records;
        this.targets = targets;
        this.runs = runs;
        this.contents = contents;
        this.transitions = transitions;
        this.scheduling = scheduling;
        this.audit = audit;
        this.clock = clock;
        this.access = access;
    }

    /** Why a run of {@code jobId} on these nodes must wait for approval; empty when it need not. */
    @Transactional(readOnly = true)
    List<String> reasonsToWait(long jobId, Collection<TargetNode> nodes) {
        ApprovalRule rule = rules.ruleOf(jobId);
        List<String> reasons = new ArrayList<>();
        if (rule.aboveNodes() != null && nodes.size() > rule.aboveNodes()) {
            reasons.add("it targets " + nodes.size() + " nodes, more than the job's limit of " + rule.aboveNodes() + " without approval");
        }
        if (rule.whenDelivered()) {
            Map<Long, String> states = targets.lifecycleStates(nodes.stream().map(TargetNode::id).toList());
            List<String> delivered = nodes.stream().filter(node -> "DELIVERED".equals(states.get(node.id()))).map(TargetNode::ip).toList();
            if (!delivered.isEmpty()) {
                reasons.add(delivered.size() + " of its nodes " + (delivered.size() == 1 ? "is" : "are") + " DELIVERED to a tenant: "
                        + String.join(", ", delivered.subList(0, Math.min(SHOWN_NODES, delivered.size())))
                        + (delivered.size() > SHOWN_NODES ? " and " + (delivered.size() - SHOWN_NODES) + " more" : ""));
            }
        }
        return reasons;
    }

    /** The run just created PENDING_APPROVAL on {@code nodeCount} nodes: its reasons are kept, audited and announced. */
    void requested(long runId, Long tenant, int nodeCount, List<String> reasons) {
        RunRecord run = runs.get(runId).orElseThrow();
        records.requested(runId, reasons, run.executedBy(), clock.instant());
        audit.recordInTenant(tenant, "run.approval-requested", "run", runId, "Run " + runId + " of job " + run.jobName()
                + " waits for approval: " + String.join("; ", reasons), null, Map.of("reasons", reasons));
        events.publishEvent(new RunAwaitsApproval(runId, run.originalJobId(), run.jobName(), run.executedBy(), nodeCount, reasons,
                clock.instant()));
    }

    /** Queues the run; refused to whoever started it, and while one of its nodes is locked, deleted or moved. */
    void approve(long runId, String comment) {
        RunRecord run = pending(runId, "approve");
        Resolution resolution = targets.resolve(nodesOf(runId), List.of());
        refuseIf(runId, resolution.problems());
        decide(runId, APPROVED, comment);
        if (!transitions.requeue(runId, Set.of(RunStatus.PENDING_APPROVAL), "approved by " + CurrentActor.name() + said(comment),
                clock.instant(), CurrentActor.name())) {
            throw new ConflictException("Run " + runId + " changed while it was being approved; look at it again");
        }
        refuseIf(runId, targets.hold(resolution.nodes())); // as a start: a delete or move now waits and sees the run
        audit.recordInTenant(access.tenantOf(runId), "run.approved", "run", runId, CurrentActor.name() + " approved run " + runId
                + " of job " + run.jobName() + said(comment), null, decision(run, comment));
        scheduling.scheduleAfterCommit(runId);
    }

    /** Cancels the run before anything ran; refused to whoever started it (they cancel it instead). */
    void reject(long runId, String comment) {
        RunRecord run = pending(runId, "reject");
        decide(runId, REJECTED, comment);
        if (!transitions.endFrom(runId, Set.of(RunStatus.PENDING_APPROVAL), RunStatus.CANCELLED, "rejected by " + CurrentActor.name()
                + said(comment), "not run: the run was rejected", clock.instant(), CurrentActor.name())) {
            throw new ConflictException("Run " + runId + " changed while it was being rejected; look at it again");
        }
        audit.recordInTenant(access.tenantOf(runId), "run.rejected", "run", runId, CurrentActor.name() + " rejected run " + runId
                + " of job " + run.jobName() + said(comment), null, decision(run, comment));
    }

    /** Whoever cancels a run that waits for approval withdraws the request. */
    void withdrawn(long runId) {
        records.decided(runId, WITHDRAWN, CurrentActor.name(), null, clock.instant());
    }

    private RunRecord pending(long runId, String action) {
        access.requireOperable(runId);
        RunRecord run = runs.get(runId).orElseThrow(() -> new NotFoundException("Run", runId));
        if (run.status() != RunStatus.PENDING_APPROVAL) {
            throw new ConflictException("Run " + runId + " is " + run.status() + ": only a run that waits for approval can be "
                    + (action.equals("approve") ? "approved" : "rejected"));
        }
        if (run.executedBy().equals(CurrentActor.name())) {
            throw new SecondPersonRequired(runId, action);
        }
        return run;
    }

    private void decide(long runId, String decision, String comment) {
        if (!records.decided(runId, decision, CurrentActor.name(), text(comment), clock.instant())) {
            throw new ConflictException("Run " + runId + " was already decided; look at it again");
        }
    }

    private List<Long> nodesOf(long runId) {
        Set<Long> nodes = new LinkedHashSet<>();
        contents.items(runId).forEach(item -> item.nodes().forEach(node -> nodes.add(node.nodeId())));
        return List.copyOf(nodes);
    }

    private static void refuseIf(long runId, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConflictException("Cannot approve run " + runId + ": " + String.join("; ", problems)
                    + ". Reject it, or approve it once the nodes are free");
        }
    }

    /** What the audit event keeps of a decision: who asked, and the comment when there is one. */
    private static Map<String, Object> decision(RunRecord run, String comment) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("requestedBy", run.executedBy());
        if (text(comment) != null) {
            after.put("comment", text(comment));
        }
        return after;
    }

    private static String text(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "must be at most " + MAX_COMMENT + " characters, not " + comment.length());
        }
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    private static String said(String comment) {
        return text(comment) == null ? "" : ": " + text(comment);
    }

    /** 403: the four-eyes rule. */
    static final class SecondPersonRequired extends PlatformException {

        SecondPersonRequired(long runId, String action) {
            super("You started run " + runId + ", so you cannot " + action + " it: another person must."
                    + (action.equals("reject") ? " Cancel it to withdraw it." : ""));
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }
}
