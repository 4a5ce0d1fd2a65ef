package io.devops.platform.execution;

import io.devops.platform.execution.run.RunEndObserver;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Turns the state machine's "this run has ended" into the module's public {@link RunEnded} event. */
@Component
class RunEndAnnouncer implements RunEndObserver {

    private static final Logger log = LoggerFactory.getLogger(RunEndAnnouncer.class);

    private final Runs runs;
    private final ApplicationEventPublisher events;

    RunEndAnnouncer(Runs runs, ApplicationEventPublisher events) {
        this.runs = runs;
        this.events = events;
    }

    @Override
    public void runEnded(long runId) {
        try {
            runs.get(runId).filter(run -> run.status().isFinal()).ifPresent(run -> events.publishEvent(ended(run)));
        } catch (RuntimeException e) {
            // The run has ended either way; what follows it (notifications) must never undo or fail that.
            log.warn("Run {}: could not announce its end: {}", runId, e.toString());
        }
    }

    private static RunEnded ended(RunRecord run) {
        return new RunEnded(run.id(), run.originalJobId(), RunEnded.Outcome.valueOf(run.status().name()), run.startedAt(),
                run.finishedAt());
    }
}
