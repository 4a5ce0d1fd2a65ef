package io.devops.platform.execution.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunItem;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import io.devops.platform.execution.run.StepCells.Cell;
import io.devops.platform.execution.run.StepCells.NotRun;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cells of a run's steps, from the rows of the tasks they were compiled into. */
class StepCellsTests {

    private static final RunNode NODE = new RunNode(1, "10.0.0.1", "gpu-1", 22, "root", 1, "pool", null, null);

    @Test
    void aNodeThatStoppedAtTheSecondOfThreeStepsOfOnePlaybookSucceededTheFirstAndDidNotRunTheThird() {
        RunTask playbook = task(10, RunStatus.FAILED, 1, 2, 3);
        HostResult row = failed(2);

        Map<Integer, List<Cell>> cells = StepCells.of(item(playbook), Map.of(10L, List.of(row)), RunStatus.FAILED).get(10L);

        assertThat(cells.get(1).get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(cells.get(2).get(0).status()).isEqualTo(RunStatus.FAILED);
        assertThat(cells.get(2).get(0).message()).isEqualTo("GPU count mismatch");
        assertThat(cells.get(3).get(0).status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(cells.get(3).get(0).notRun()).isEqualTo(NotRun.EARLIER_STEP_FAILED);
    }

    @Test
    void whereTheRowDoesNotSayAtWhichStepTheNodeStoppedEveryStepOfThePlaybookShowsTheRow() {
        RunTask playbook = task(10, RunStatus.FAILED, 1, 2);

        for (Integer unknown : new Integer[] {null, 7}) {
            Map<Integer, List<Cell>> cells = StepCells.of(item(playbook), Map.of(10L, List.of(failed(unknown))), RunStatus.FAILED)
                    .get(10L);

            assertThat(cells.get(1).get(0).status()).as("stopped at %s", unknown).isEqualTo(RunStatus.FAILED);
            assertThat(cells.get(2).get(0).status()).as("stopped at %s", unknown).isEqualTo(RunStatus.FAILED);
        }
    }

    @Test
    void aStepThatNeverStartedInAnEndedRunIsNotRunForTheRunsReasonAndOpenWhileTheRunGoesOn() {
        RunTask first = task(10, RunStatus.SUCCEEDED, 1);
        RunTask second = task(11, RunStatus.SKIPPED, 2);
        Map<Long, List<HostResult>> rows = Map.of(10L, List.of(succeeded()));

        assertThat(StepCells.of(item(first, second), rows, RunStatus.FAILED).get(11L).get(2).get(0).notRun())
                .isEqualTo(NotRun.RUN_STOPPED);
        assertThat(StepCells.of(item(first, second), rows, RunStatus.CANCELLED).get(11L).get(2).get(0).notRun())
                .isEqualTo(NotRun.CANCELLED);
        assertThat(StepCells.of(item(first, second), rows, RunStatus.INTERRUPTED).get(11L).get(2).get(0).notRun())
                .isEqualTo(NotRun.INTERRUPTED);
        assertThat(StepCells.of(item(first, second), rows, RunStatus.RUNNING).get(11L).get(2)).isEmpty();
    }

    @Test
    void aNodeThatFailedAnEarlierStepIsNotRunInTheLaterOnesEvenWhileTheRunGoesOn() {
        RunTask first = task(10, RunStatus.FAILED, 1);
        RunTask second = task(11, RunStatus.QUEUED, 2);

        Cell later = StepCells.of(item(first, second), Map.of(10L, List.of(failed(null))), RunStatus.RUNNING).get(11L).get(2).get(0);

        assertThat(later.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(later.notRun()).isEqualTo(NotRun.EARLIER_STEP_FAILED);
    }

    private static RunItem item(RunTask... tasks) {
        return new RunItem(1, 1, 1, "template", 1, List.of(NODE), List.of(tasks));
    }

    private static RunTask task(long id, RunStatus status, int... steps) {
        List<PlannedStep> planned = IntStream.of(steps).mapToObj(step -> new PlannedStep(step, "operator", step, "step " + step, 1))
                .toList();
        return new RunTask(id, (int) id, "PLAYBOOK", "ANSIBLE", planned, "---", null, List.of(), status, null, null, null, null, null);
    }

    private static HostResult failed(Integer stoppedStep) {
        return new HostResult(NODE.nodeId(), NODE.ip(), RunStatus.FAILED, 2, 1, 0, 1, 0, 10L, "GPU count mismatch", stoppedStep, null);
    }

    private static HostResult succeeded() {
        return new HostResult(NODE.nodeId(), NODE.ip(), RunStatus.SUCCEEDED, 0, 1, 0, 0, 0, 10L, null);
    }
}
