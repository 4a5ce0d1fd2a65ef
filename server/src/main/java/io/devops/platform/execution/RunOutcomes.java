package io.devops.platform.execution;

import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunFailures;
import io.devops.platform.execution.run.RunFailures.NodeFailure;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.Runs;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The execution module's public read of how a run ended, for those who tell people about it
 * (notifications). Not scoped by tenant: its callers act for the system, not for a user.
 */
@Service
@Transactional(readOnly = true)
public class RunOutcomes {

    private final Runs runs;
    private final RunContents contents;

    RunOutcomes(Runs runs, RunContents contents) {
        this.runs = runs;
        this.contents = contents;
    }

    /** The run's outcome with at most {@code firstFailed} of its failed nodes; empty when there is no such run. */
    public Optional<RunOutcome> of(long runId, int firstFailed) {
        return runs.get(runId).map(run -> outcome(run, Math.max(0, firstFailed)));
    }

    private RunOutcome outcome(RunRecord run, int firstFailed) {
        List<NodeFailure> failures = new RunFailures(contents).firstFailures(run.id());
        int nodeCount = (int) contents.items(run.id()).stream().flatMap(item -> item.nodes().stream()).map(RunNode::nodeId)
                .distinct().count();
        int failedCount = (int) failures.stream().map(failure -> failure.node().nodeId()).distinct().count();
        List<RunOutcome.FailedNode> first = failures.stream().limit(firstFailed).map(RunOutcomes::failedNode).toList();
        return new RunOutcome(run.id(), run.originalJobId(), run.jobName(), run.jobVersion(), run.status().name(), run.message(),
                run.startedAt(), run.finishedAt(), run.durationMs(), nodeCount, failedCount, first);
    }

    private static RunOutcome.FailedNode failedNode(NodeFailure failure) {
        String step = failure.step().steps().stream().map(PlannedStep::name).collect(Collectors.joining(" + "));
        return new RunOutcome.FailedNode(failure.node().nodeId(), failure.node().ip(), failure.node().hostname(), step,
                failure.status().name(), failure.message());
    }
}
