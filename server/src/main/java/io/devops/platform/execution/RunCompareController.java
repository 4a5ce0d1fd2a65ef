package io.devops.platform.execution;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.execution.compare.RunComparison;
import io.devops.platform.execution.compare.RunComparison.Comparison;
import io.devops.platform.execution.compare.RunComparison.NodesComparison;
import io.devops.platform.execution.compare.RunSide;
import io.devops.platform.execution.compare.Tolerance;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.identity.TenantAware;
import io.devops.platform.shared.InvalidInputException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Compare two runs (run {@code id} is side a, {@code otherId} side b), or two nodes of one run. */
@RestController
@TenantAware
@RequestMapping("/api/v1/runs/{id}")
@Transactional(readOnly = true)
class RunCompareController {

    private final RunAccess access;
    private final RunContents contents;
    private final AcceptanceVerdicts verdicts;

    RunCompareController(RunAccess access, RunContents contents, AcceptanceVerdicts verdicts) {
        this.access = access;
        this.contents = contents;
        this.verdicts = verdicts;
    }

    @GetMapping("/compare/{otherId}")
    Comparison runs(@PathVariable long id, @PathVariable long otherId, @RequestParam(required = false) Integer tolerancePercent,
                    @RequestParam(defaultValue = "false") boolean changedOnly) {
        Tolerance tolerance = Tolerance.percent(tolerancePercent);
        return RunComparison.of(side(id), side(otherId), tolerance, changedOnly);
    }

    @GetMapping("/compare-nodes")
    NodesComparison nodes(@PathVariable long id, @RequestParam long a, @RequestParam long b,
                          @RequestParam(required = false) Integer tolerancePercent) {
        Tolerance tolerance = Tolerance.percent(tolerancePercent);
        RunSide run = side(id);
        requireTarget(run, "a", a);
        requireTarget(run, "b", b);
        return RunComparison.nodes(run, a, run, b, tolerance);
    }

    private RunSide side(long runId) {
        RunRecord run = access.visible(runId);
        return new RunSide(run, contents.items(runId), contents.hostResults(runId), verdicts.ofRun(runId));
    }

    private static void requireTarget(RunSide run, String parameter, long nodeId) {
        if (!run.targets(nodeId)) {
            throw new InvalidInputException(parameter, "node " + nodeId + " is not a target of run " + run.id()
                    + "; pick two nodes from the run's node list");
        }
    }
}
