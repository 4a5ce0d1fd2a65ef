package io.devops.platform.execution.dispatch;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.ansible.PlaybookOutcome;
import io.devops.platform.ansible.PlaybookOutcome.Ending;
import io.devops.platform.ansible.PlaybookOutcome.HostTaskResult;
import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At which template step of a playbook a node stopped, from the step each of its events belongs to. */
@DatabaseIndependent
class StoppedStepTests {

    private static final RunNode NODE = new RunNode(1, "10.0.0.1", "gpu-1", 22, "root", 1, "pool", null, null);
    private static final RunTask TASK = new RunTask(5, 1, "PLAYBOOK", "ANSIBLE", List.of(step(3), step(4), step(5)), "---", null,
            List.of(), RunStatus.RUNNING, null, null, null, null, null);

    @Test
    void aNodeStopsAtTheStepOfItsLastFailingEventEvenWhenARescuedFailureCameBefore() {
        PlaybookOutcome outcome = outcome(event("ok", "[platform] step 3: check (role c)"), event("failed", "[platform] step 3: check (role c)"),
                event("ok", "[platform] step 4: install (role i)"), event("failed", "[platform] step 4: install (role i)"),
                event("ok", null));

        assertThat(AnsibleDispatch.stoppedStep(NODE, outcome, TASK, true)).isEqualTo(4);
    }

    @Test
    void aNodeThatEndedEarlyStopsWhereItWasLastAndOneThatFailedBeforeAnyStepAtTheFirst() {
        PlaybookOutcome endedEarly = outcome(event("failed", "[platform] step 3: check (role c)"),
                event("ok", "[platform] step 5: burn-in (role b)"), event("ok", null));
        PlaybookOutcome facts = outcome(event("unreachable", null));

        assertThat(AnsibleDispatch.stoppedStep(NODE, endedEarly, TASK, false)).isEqualTo(5);
        assertThat(AnsibleDispatch.stoppedStep(NODE, facts, TASK, true)).isEqualTo(3);
        assertThat(AnsibleDispatch.stoppedStep(NODE, outcome(), TASK, true)).as("no event: nothing tells").isNull();
    }

    private static PlannedStep step(int sequence) {
        return new PlannedStep(sequence, "operator", sequence, "step " + sequence, 1);
    }

    private static HostTaskResult event(String status, String step) {
        return new HostTaskResult(NODE.ip(), "a task", step == null ? null : "role", status, false, null, null, 1, step);
    }

    private static PlaybookOutcome outcome(HostTaskResult... events) {
        return new PlaybookOutcome(Ending.FAILED, 2, null, List.of(events), Map.of());
    }
}
