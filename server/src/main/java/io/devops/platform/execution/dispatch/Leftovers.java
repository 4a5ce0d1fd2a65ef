package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.StrayProcesses;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.logs.LogFlusher;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.settings.ExecutionProperties;
import io.devops.platform.execution.settings.ExecutorIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the steps of a run left running when this instance was killed: {@code ansible-playbook}
 * and its {@code ssh} here (found by their environment marks), the step's processes on the nodes
 * (found there by the step's marker, as a cancel finds them) and its agent commands, each stopped
 * by the dispatcher that ran the step. Stopped on the restart, before the run's leases are freed.
 */
@Component
public class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final RunContents contents;
    private final StepDispatch steps;
    private final LogFlusher logs;
    private final ExecutorIdentity executor;
    private final ExecutionProperties properties;

    Leftovers(RunContents contents, StepDispatch steps, LogFlusher logs, ExecutorIdentity executor, ExecutionProperties properties) {
        this.contents = contents;
        this.steps = steps;
        this.logs = logs;
        this.executor = executor;
        this.properties = properties;
    }

    /** This instance's own run, found on its restart: its local processes too. */
    public void stopOwn(long runId) {
        stop(runId, true);
    }

    /**
     * Another instance's run, declared dead by db-scheduler: only what runs on the nodes, since its
     * local processes are on another machine (or on a paused instance that must find out itself).
     */
    public void stopOnNodes(long runId) {
        stop(runId, false);
    }

    private void stop(long runId, boolean local) {
        LogAppender out = logs.open(runId);
        for (RunItem item : contents.items(runId)) {
            for (RunTask task : item.tasks()) {
                if (task.status() == RunStatus.RUNNING) {
                    try {
                        stop(runId, item, task, local, out);
                    } catch (RuntimeException failure) {
                        // Recovery goes on: the run is still interrupted and its leases freed.
                        out.line("[platform] could not stop everything step " + item.sequence() + "." + task.sequence()
                                + " left running: " + failure.getMessage());
                        log.warn("Run {} step {}: could not stop what it left running", runId, task.id(), failure);
                    }
                }
            }
        }
        logs.close(runId);
    }

    private void stop(long runId, RunItem item, RunTask task, boolean local, LogAppender out) {
        String marker = GeneratedPlaybooks.taskMarker(runId, task.id());
        if (local) {
            List<Long> found = StrayProcesses.stop(Set.of(AnsibleDispatch.EXECUTOR_MARK + "=" + executor.name(),
                    GeneratedPlaybooks.MARKER_VARIABLE + "=" + marker), GRACE);
            out.line("[platform] the server stopped while step " + item.sequence() + "." + task.sequence()
                    + " ran; on its restart it stopped " + found.size() + " process(es) the step had left on the server");
            log.info("Run {} step {}: stopped {} local process(es) left by the killed instance", runId, task.id(), found.size());
        }
        // A directory of its own: the restart and db-scheduler's dead-execution check may both get here.
        Path workDir = properties.workDir().resolve("run-" + runId).resolve("recovery-task-" + task.id() + "-" + System.nanoTime());
        steps.stopLeftovers(runId, task, item.nodes(), workDir, out);
    }
}
