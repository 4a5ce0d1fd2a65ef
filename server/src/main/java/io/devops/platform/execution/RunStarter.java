package io.devops.platform.execution;

import io.devops.platform.catalog.TemplatePlan;
import io.devops.platform.catalog.TemplatePlans;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunContents.SnapshotItem;
import io.devops.platform.execution.run.RunFailures;
import io.devops.platform.execution.run.RunOptions;
import io.devops.platform.execution.run.RunOptionsStore;
import io.devops.platform.execution.run.RunOptionsStore.SkippedNode;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.execution.run.Runs.NewRun;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.Resolution;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.job.JobVersion;
import io.devops.platform.job.JobVersion.JobItem;
import io.devops.platform.job.JobVersion.Target;
import io.devops.platform.job.JobVersion.TargetType;
import io.devops.platform.job.JobVersions;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts runs: resolves every item's targets to nodes now, refuses locked or missing targets,
 * snapshots the exact tasks of each template version, and queues the run for execution.
 */
@Service
@Transactional
class RunStarter {

    private final JobVersions jobs;
    private final TemplatePlans plans;
    private final NodeTargets targets;
    private final Runs runs;
    private final RunContents contents;
    private final RunScheduling scheduling;
    private final AuditTrail audit;
    private final RunAccess access;
    private final RunApprovals approvals;
    private final Clock clock;
    private final TargetSelection selection;
    private final RunOptionsStore optionsStore;
    private final DrainedNodes drained;

    RunStarter(JobVersions jobs, TemplatePlans plans, NodeTargets targets, Runs runs, RunContents contents,
               RunScheduling scheduling, AuditTrail audit, Clock clock, RunAccess access, TargetSelection selection,
               RunOptionsStore optionsStore, RunApprovals approvals, DrainedNodes drained) {
        this.access = access;
        this.drained = drained;
        this.selection = selection;
        this.optionsStore = optionsStore;
        this.approvals = approvals;
        this.jobs = jobs;
        this.plans = plans;
        this.targets = targets;
        this.runs = runs;
        this.contents = contents;
        this.scheduling = scheduling;
        this.audit = audit;
        this.clock = clock;
    }

    /** The run as created: QUEUED, or PENDING_APPROVAL when the job's approval rule asks for a second person. */
    RunRecord start(long jobId, Integer version) {
        return start(jobId, version, RunOptions.NONE, CurrentActor.name(), "RUN");
    }

    /** As {@link #start(long, Integer)}, with the options the start asked for (see {@link TargetSelection}). */
    RunRecord start(long jobId, Integer version, RunOptions options) {
        return start(jobId, version, options, CurrentActor.name(), "RUN");
    }

    /** What a start with these options would run on: each node once, locked ones with their lock. Changes nothing. */
    @Transactional(readOnly = true)
    Map<TargetNode, String> preview(long jobId, Integer version, RunOptions options) {
        JobVersion job = runnable(jobId, version);
        TargetSelection.checkedExtraVars(job, options.extraVars());
        Map<TargetNode, String> nodes = selection.select(job, options).nodes();
        access.tenantToStart(List.copyOf(nodes.keySet()), "Job", jobId);
        return nodes;
    }

    /**
     * As {@link #start(long, Integer)}, with who started it named by the caller: {@code starter} is
     * the run's {@code executedBy} (e.g. {@code schedule:12}), {@code kind} its kind.
     */
    RunRecord start(long jobId, Integer version, String starter, String kind) {
        return start(jobId, version, RunOptions.NONE, starter, kind, false);
    }

    /** A repair's re-acceptance of its drained node: the one start a node in REPAIR takes. */
    RunRecord startReacceptance(long jobId, String starter, String kind) {
        return start(jobId, null, RunOptions.NONE, starter, kind, true);
    }

    private RunRecord start(long jobId, Integer version, RunOptions asked, String starter, String kind) {
        return start(jobId, version, asked, starter, kind, false);
    }

    private RunRecord start(long jobId, Integer version, RunOptions asked, String starter, String kind, boolean reacceptance) {
        JobVersion job = runnable(jobId, version);
        RunOptions options = asked.withExtraVars(TargetSelection.checkedExtraVars(job, asked.extraVars()));
        TargetSelection.Selection selection = this.selection.select(job, options);
        List<SkippedNode> skipped = new ArrayList<>();
        if (options.skipLocked()) {
            selection = selection.withoutLocked(skipped);
            if (selection.nodes().isEmpty()) {
                throw new ConflictException("Cannot start job " + job.name() + ": every node it would run on is locked ("
                        + String.join("; ", skipped.stream().map(SkippedNode::reason).distinct().limit(5).toList()) + ")");
            }
        }
        List<String> problems = new ArrayList<>();
        List<SnapshotItem> items = new ArrayList<>();
        for (TargetSelection.ItemNodes item : selection.items()) {
            items.add(snapshot(item.item().sequence(), item.item().templateId(), item.resolution(), problems));
        }
        refuseIf(problems, "job " + job.name());
        drained.refuse("job " + job.name(), nodesOf(items), reacceptance);
        Long tenant = access.tenantToStart(nodesOf(items), "Job", jobId);
        List<String> toWaitFor = approvals.reasonsToWait(job.jobId(), nodesOf(items));
        long runId = runs.insert(new NewRun(job.jobId(), job.versionId(), job.version(), job.name(), job.failurePolicy().name(),
                starter, null, kind), initialStatus(toWaitFor), clock.instant());
        access.assign(runId, tenant);
        items.forEach(item -> contents.insertItem(runId, item));
        optionsStore.insert(runId, options);
        skipped.forEach(node -> optionsStore.skipped(runId, node));
        // Held last, once the run's rows are written, so the rows stay locked briefly: a delete or
        // move of one of its nodes from now on waits for this commit and then sees the run; one that
        // committed since the nodes were resolved is reported, and the run is not started.
        refuseIf(targets.hold(nodesOf(items)), "job " + job.name());
        audit.recordInTenant(tenant, "run.started", "run", runId, "Started run " + runId + " of job " + job.name() + " v" + job.version()
                        + (starter.equals(CurrentActor.name()) ? "" : " for " + starter),
                null, options.isDefault() ? Map.of("jobId", job.jobId(), "version", job.version())
                        : Map.of("jobId", job.jobId(), "version", job.version(), "checkMode", options.checkMode(),
                        "extraVars", options.extraVars().keySet(), "skippedNodes", skipped.stream().map(SkippedNode::nodeId).toList()));
        return queuedOrWaiting(runId, tenant, nodesOf(items).size(), toWaitFor);
    }

    private JobVersion runnable(long jobId, Integer version) {
        return jobs.runnable(jobId, version).orElseThrow(() -> new NotFoundException(
                "Job " + jobId + (version == null ? "" : " version " + version) + " does not exist or was deleted"));
    }

    /** Which job version a re-run of failed nodes runs: the failed run's own, or the job's latest. */
    enum RerunVersion { SAME, LATEST }

    /**
     * A new run on the nodes that did not succeed in {@code previousRunId}: of the same job version and
     * template versions (each item on its own failed nodes), or of the job's latest version (each of its
     * items on the failed nodes it targets). It links to the failed run.
     */
    RunRecord rerunFailed(long previousRunId, RerunVersion version, boolean fromFailedStep) {
        if (fromFailedStep && version != RerunVersion.SAME) {
            throw new InvalidInputException("fromFailedStep", "a re-run from the failed step needs the run's own version (SAME):"
                    + " the steps of another version are not the ones the nodes passed");
        }
        access.requireOperable(previousRunId);
        RunRecord previous = runs.get(previousRunId).orElseThrow(() -> new NotFoundException("Run", previousRunId));
        if (!previous.status().isFinal()) {
            throw new ConflictException("Run " + previousRunId + " is " + previous.status()
                    + "; re-run its failed nodes once it has ended");
        }
        Map<Long, List<Long>> failedByItem = new RunFailures(contents).failedNodesByItem(previousRunId);
        if (failedByItem.values().stream().allMatch(List::isEmpty)) {
            throw new ConflictException("Run " + previousRunId + " has no failed node to run again");
        }
        List<String> problems = new ArrayList<>();
        Rerun rerun = version == RerunVersion.LATEST ? ofLatestVersion(previous, failedByItem, problems)
                : ofSameVersion(previous, failedByItem, problems);
        NewRun run = rerun.run();
        List<SnapshotItem> items = rerun.items();
        refuseIf(problems, "the failed nodes of run " + previousRunId);
        drained.refuse("the failed nodes of run " + previousRunId, nodesOf(items), false);
        Long tenant = access.tenantToStart(nodesOf(items), "Run", previousRunId);
        List<String> toWaitFor = approvals.reasonsToWait(run.jobId(), nodesOf(items));
        long runId = runs.insert(run, initialStatus(toWaitFor), clock.instant());
        access.assign(runId, tenant);
        items.forEach(item -> contents.insertItem(runId, item));
        optionsStore.insert(runId, optionsStore.of(previousRunId).forRerun());
        if (fromFailedStep) {
            carryOn(previousRunId, runId);
        }
        refuseIf(targets.hold(nodesOf(items)), "the failed nodes of run " + previousRunId);
        audit.recordInTenant(tenant, "run.rerun-failed", "run", runId, "Re-ran the failed nodes of run " + previousRunId
                        + " as run " + runId + " (job version " + run.jobVersion() + ")", null,
                Map.of("previousRunId", previousRunId, "version", version.name(), "fromFailedStep", fromFailedStep));
        return queuedOrWaiting(runId, tenant, nodesOf(items).size(), toWaitFor);
    }

    /** What a re-run runs: its row and its items. */
    private record Rerun(NewRun run, List<SnapshotItem> items) {
    }

    /** The failed run's own job and template versions, each item on its own failed nodes. */
    private Rerun ofSameVersion(RunRecord previous, Map<Long, List<Long>> failedByItem, List<String> problems) {
        List<SnapshotItem> items = new ArrayList<>();
        for (RunContents.RunItem item : contents.items(previous.id())) {
            List<Long> failed = failedByItem.getOrDefault(item.id(), List.of());
            if (!failed.isEmpty()) {
                items.add(snapshot(item.sequence(), item.templateId(), targets.resolve(failed, List.of()), problems));
            }
        }
        return new Rerun(new NewRun(previous.originalJobId(), previous.jobId(), previous.jobVersion(), previous.jobName(),
                previous.failurePolicy(), CurrentActor.name(), previous.id(), "RERUN_FAILED"), items);
    }

    /** The job's newest version, each of its items on the failed nodes it targets. */
    private Rerun ofLatestVersion(RunRecord previous, Map<Long, List<Long>> failedByItem, List<String> problems) {
        JobVersion job = jobs.runnable(previous.originalJobId(), null).orElseThrow(() -> new NotFoundException("Job "
                + previous.originalJobId() + " does not exist or was deleted: re-run the failed nodes with the run's own version"));
        Set<Long> failed = failedByItem.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        List<SnapshotItem> items = new ArrayList<>();
        for (JobItem item : job.items()) {
            List<Long> chosen = targets.resolve(ids(item.targets(), TargetType.NODE), ids(item.targets(), TargetType.NODE_POOL))
                    .nodes().stream().map(TargetNode::id).filter(failed::contains).toList();
            if (!chosen.isEmpty()) {
                items.add(snapshot(item.sequence(), item.templateId(), targets.resolve(chosen, List.of()), problems));
            }
        }
        if (items.isEmpty()) {
            throw new ConflictException("Version " + job.version() + " of job " + job.name()
                    + " targets none of the failed nodes of run " + previous.id() + ": re-run them with the run's own version");
        }
        return new Rerun(new NewRun(job.jobId(), job.versionId(), job.version(), job.name(), job.failurePolicy().name(),
                CurrentActor.name(), previous.id(), "RERUN_FAILED"), items);
    }

    /**
     * Each node of the new run keeps the steps it succeeded in the failed run, in order up to its
     * first step that did not succeed: the new run starts it there. Items and steps pair by sequence
     * (the same job and template versions).
     */
    private void carryOn(long previousRunId, long runId) {
        Map<Integer, RunContents.RunItem> before = new HashMap<>();
        contents.items(previousRunId).forEach(item -> before.put(item.sequence(), item));
        Map<Long, List<RunContents.HostResult>> results = contents.hostResults(previousRunId);
        for (RunContents.RunItem item : contents.items(runId)) {
            RunContents.RunItem old = before.get(item.sequence());
            Set<Long> through = item.nodes().stream().map(RunContents.RunNode::nodeId).collect(Collectors.toCollection(HashSet::new));
            for (int i = 0; i < item.tasks().size() && i < old.tasks().size() && !through.isEmpty(); i++) {
                List<RunContents.HostResult> passed = results.getOrDefault(old.tasks().get(i).id(), List.of()).stream()
                        .filter(row -> row.status() == RunStatus.SUCCEEDED && through.contains(row.nodeId())).toList();
                through.retainAll(passed.stream().map(RunContents.HostResult::nodeId).toList());
                contents.carryOver(item.tasks().get(i).id(), passed, previousRunId);
            }
        }
    }

    private SnapshotItem snapshot(int sequence, long templateId, Resolution resolution, List<String> problems) {
        TemplatePlan plan = plans.plan(templateId).orElse(null);
        if (plan == null) {
            problems.add("template " + templateId + " of item " + sequence + " no longer exists");
            return null;
        }
        problems.addAll(resolution.problems());
        if (resolution.nodes().isEmpty()) {
            problems.add("item " + sequence + " (" + plan.name() + ") targets no node: its pools are empty");
        }
        return new SnapshotItem(sequence, templateId, plan.name(), plan.version(), resolution.nodes(), plan.tasks());
    }

    private static void refuseIf(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            throw new ConflictException("Cannot start " + what + ": " + String.join("; ", problems.stream().distinct().limit(20).toList()));
        }
    }

    /** Every node of the run, each once. */
    private static List<TargetNode> nodesOf(List<SnapshotItem> items) {
        Map<Long, TargetNode> nodes = new LinkedHashMap<>();
        items.forEach(item -> item.nodes().forEach(node -> nodes.putIfAbsent(node.id(), node)));
        return List.copyOf(nodes.values());
    }

    private static Collection<Long> ids(List<Target> targets, TargetType type) {
        return targets.stream().filter(target -> target.type() == type).map(Target::id).toList();
    }

    private static RunStatus initialStatus(List<String> reasonsToWait) {
        return reasonsToWait.isEmpty() ? RunStatus.QUEUED : RunStatus.PENDING_APPROVAL;
    }

    /**
     * The run as created: QUEUED (it is read before the commit hands it to db-scheduler, which may
     * start it at once), or PENDING_APPROVAL (not scheduled: an approval queues it).
     */
    private RunRecord queuedOrWaiting(long runId, Long tenant, int nodeCount, List<String> reasonsToWait) {
        if (reasonsToWait.isEmpty()) {
            scheduling.scheduleAfterCommit(runId);
        } else {
            approvals.requested(runId, tenant, nodeCount, reasonsToWait);
        }
        return runs.get(runId).orElseThrow();
    }
}
