package io.devops.platform.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.devops.platform.execution.dispatch.Leftovers;
import io.devops.platform.execution.leases.NodeLeases;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunTransitions;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.execution.settings.ExecutorIdentity;
import io.devops.platform.execution.verdicts.AcceptanceEvents;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs whose executor died: on this instance's start, the runs it was executing are interrupted
 * at once (no need to wait for the missed-heartbeat limit), after what their steps left running
 * is stopped ({@link Leftovers}), so that freed leases never let a new run meet an old process; another instance's dead execution is
 * interrupted when db-scheduler reports it. Either way the leases are freed, the acceptance of the nodes
 * it was testing is concluded (a check that left no verdict is an ERROR), and the user can resume.
 */
@Component
class RunRecovery {

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final Runs runs;
    private final RunTransitions transitions;
    private final NodeLeases leases;
    private final ExecutorIdentity executor;
    private final JdbcClient jdbc;
    /** Looked up when needed: the scheduler is built from the tasks, and the run task calls back into this class. */
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;
    private final Leftovers leftovers;
    private final AcceptanceEvents acceptance;

    RunRecovery(Runs runs, RunTransitions transitions, NodeLeases leases, ExecutorIdentity executor, JdbcClient jdbc,
                ObjectProvider<SchedulerClient> scheduler, Clock clock, Leftovers leftovers, AcceptanceEvents acceptance) {
        this.leftovers = leftovers;
        this.acceptance = acceptance;
        this.runs = runs;
        this.transitions = transitions;
        this.leases = leases;
        this.executor = executor;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverOnStart() {
        List<Long> mine = runs.runningOn(executor.name());
        for (long runId : mine) {
            jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
                    .params(RunExecutionTask.NAME, String.valueOf(runId)).update();
            leftovers.stopOwn(runId);
            interrupt(runId, "the server instance " + executor.name() + " stopped while the run was executing");
        }
        for (long runId : runs.queued()) {
            scheduler.getObject().scheduleIfNotExists(RunScheduling.instance(runId), clock.instant());
        }
        if (!mine.isEmpty()) {
            log.warn("Marked {} run(s) this instance was executing before it stopped as INTERRUPTED: {}", mine.size(), mine);
        }
    }

    void interruptDead(long runId) {
        leftovers.stopOnNodes(runId);
        interrupt(runId, "the server instance executing the run stopped answering (no heartbeat)");
    }

    void failUnexpectedly(long runId, Throwable cause) {
        log.error("Run {} failed outside the engine", runId, cause);
        boolean ended = transitions.endFrom(runId, Set.of(RunStatus.QUEUED, RunStatus.RUNNING), RunStatus.FAILED,
                "the engine failed: " + (cause == null ? "unknown" : cause.getMessage()), "the engine failed", clock.instant(),
                executor.name());
        leases.release(runId); // this instance's own execution of the run failed: nobody else holds its leases
        if (ended) {
            acceptance.concluded(runId);
        }
    }

    /**
     * The run's execution is gone: the run becomes INTERRUPTED, what it left open is closed and its
     * leases are freed. A run that is not QUEUED or RUNNING any more is left as it is (it ended, or
     * was resumed and belongs to a new execution, whose leases must stay).
     */
    private void interrupt(long runId, String reason) {
        if (!transitions.endFrom(runId, Set.of(RunStatus.QUEUED, RunStatus.RUNNING), RunStatus.INTERRUPTED, reason, reason,
                clock.instant(), executor.name())) {
            log.info("Run {} was not interrupted ({}): it is no longer queued or running", runId, reason);
            return;
        }
        int freed = leases.release(runId);
        log.info("Run {} INTERRUPTED ({}); {} lease(s) freed", runId, reason, freed);
        acceptance.concluded(runId); // a resumed run tests again and concludes again
    }
}
