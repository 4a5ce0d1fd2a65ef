package io.devops.platform.execution.compare;

import static io.devops.platform.execution.compare.RunSideBuilder.nodeId;
import static io.devops.platform.execution.compare.RunSideBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.execution.compare.RunComparison.Comparison;
import io.devops.platform.execution.compare.RunComparison.NodeComparison;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class RunComparisonTests {

    @Test
    void nodesInOnlyOneRunAndStatusChangesComeFirstAndTheRestInAddressOrder() {
        RunSide a = run(1).nodes("10.0.0.9", "10.0.0.10", "10.0.0.11").step("install")
                .result("10.0.0.9", RunStatus.SUCCEEDED, 5_000, "ok").result("10.0.0.10", RunStatus.SUCCEEDED, 5_000, "ok")
                .result("10.0.0.11", RunStatus.FAILED, 5_000, "driver mismatch").build();
        RunSide b = run(2).nodes("10.0.0.9", "10.0.0.10", "10.0.0.11", "10.0.0.12").step("install")
                .result("10.0.0.9", RunStatus.SUCCEEDED, 5_100, "ok").result("10.0.0.10", RunStatus.SUCCEEDED, 5_000, "ok")
                .result("10.0.0.11", RunStatus.SUCCEEDED, 5_000, "ok").result("10.0.0.12", RunStatus.SUCCEEDED, 5_000, "ok").build();

        Comparison comparison = RunComparison.of(a, b, Tolerance.DEFAULT, false);

        assertThat(comparison.nodes()).extracting(NodeComparison::ip)
                .containsExactly("10.0.0.12", "10.0.0.11", "10.0.0.9", "10.0.0.10");
        assertThat(comparison.nodes().get(0).onlyIn()).isEqualTo("b");
        assertThat(comparison.nodes().get(0).steps().get(0).a()).isNull();
        assertThat(comparison.nodes().get(1).steps().get(0).changes()).containsExactly("status");
        assertThat(comparison.nodes().get(2).changed()).as("100 ms slower is within the tolerance").isFalse();
        assertThat(comparison.summary().changedNodes()).isEqualTo(2);
        assertThat(comparison.summary().onlyInB()).isEqualTo(1);
        assertThat(comparison.summary().statusChanged()).isEqualTo(1);
        assertThat(RunComparison.of(a, b, Tolerance.DEFAULT, true).nodes()).extracting(NodeComparison::ip)
                .containsExactly("10.0.0.12", "10.0.0.11");
    }

    @Test
    void aDurationBeyondTheToleranceAndAnotherMessageAreChangesButSpacingIsNot() {
        RunSide a = run(1).nodes("10.0.0.1", "10.0.0.2").step("nccl")
                .result("10.0.0.1", RunStatus.SUCCEEDED, 10_000, "busbw  ok").result("10.0.0.2", RunStatus.SUCCEEDED, 10_000, "a").build();
        RunSide b = run(2).nodes("10.0.0.1", "10.0.0.2").step("nccl")
                .result("10.0.0.1", RunStatus.SUCCEEDED, 13_000, "busbw ok\n").result("10.0.0.2", RunStatus.SUCCEEDED, 10_500, "b").build();

        Comparison comparison = RunComparison.of(a, b, Tolerance.DEFAULT, false);

        assertThat(node(comparison, "10.0.0.1").steps().get(0).changes()).containsExactly("duration");
        assertThat(node(comparison, "10.0.0.2").steps().get(0).changes()).containsExactly("message");
        assertThat(RunComparison.of(a, b, Tolerance.percent(50), false).nodes().get(0).steps().get(0).changes())
                .as("3 s more on 10 s is within 50 %").doesNotContain("duration");
    }

    @Test
    void aNodeThatNeverReachedAStepShowsNotRunAndAStepOfOnlyOneVersionHasOneSide() {
        RunSide a = run(1).nodes("10.0.0.1").step("install").result("10.0.0.1", RunStatus.FAILED, 1_000, "no driver")
                .step("verify").build();
        RunSide b = run(2).nodes("10.0.0.1").step("install").result("10.0.0.1", RunStatus.SUCCEEDED, 1_000, "ok")
                .step("verify").result("10.0.0.1", RunStatus.SUCCEEDED, 1_000, "ok")
                .step("nccl").result("10.0.0.1", RunStatus.SUCCEEDED, 1_000, "ok").build();

        var steps = RunComparison.of(a, b, Tolerance.DEFAULT, false).nodes().get(0).steps();

        assertThat(steps).extracting(StepChange::name).containsExactly("driver › install", "driver › verify", "driver › nccl");
        assertThat(steps.get(1).a().status()).isEqualTo("NOT_RUN");
        assertThat(steps.get(2).a()).isNull();
        assertThat(steps).allMatch(StepChange::changed);
    }

    @Test
    void acceptanceFiguresStandSideBySideAndABandwidthDropBeyondTheToleranceIsAChange() {
        RunSide a = run(1).nodes("10.0.0.1", "10.0.0.2").step("nccl")
                .verdict("10.0.0.1", "nccl_all_reduce", CheckVerdict.PASS, 190.0)
                .verdict("10.0.0.2", "nccl_all_reduce", CheckVerdict.PASS, 190.0).build();
        RunSide b = run(2).nodes("10.0.0.1", "10.0.0.2").step("nccl")
                .verdict("10.0.0.1", "nccl_all_reduce", CheckVerdict.PASS, 185.0)
                .verdict("10.0.0.2", "nccl_all_reduce", CheckVerdict.PASS, 120.0).build();

        Comparison comparison = RunComparison.of(a, b, Tolerance.DEFAULT, false);

        CheckChange slow = node(comparison, "10.0.0.2").acceptance().get(0);
        assertThat(slow.a().measured()).isEqualTo(190.0);
        assertThat(slow.b().measured()).isEqualTo(120.0);
        assertThat(slow.changes()).containsExactly("measured");
        assertThat(node(comparison, "10.0.0.1").changed()).isFalse();
        assertThat(comparison.summary().acceptanceChanged()).isEqualTo(1);
    }

    @Test
    void twoNodesOfOneRunCompareStepByStep() {
        RunSide run = run(1).nodes("10.0.0.1", "10.0.0.2").step("install")
                .result("10.0.0.1", RunStatus.SUCCEEDED, 1_000, "ok").result("10.0.0.2", RunStatus.UNREACHABLE, 1_000, "timeout").build();

        var nodes = RunComparison.nodes(run, nodeId("10.0.0.1"), run, nodeId("10.0.0.2"), Tolerance.DEFAULT);

        assertThat(nodes.a().ip()).isEqualTo("10.0.0.1");
        assertThat(nodes.b().ip()).isEqualTo("10.0.0.2");
        assertThat(nodes.changed()).isTrue();
        assertThat(nodes.steps().get(0).b().status()).isEqualTo("UNREACHABLE");
    }

    @Test
    void aToleranceOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Tolerance.percent(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 0 and 1000");
    }

    private static NodeComparison node(Comparison comparison, String ip) {
        return comparison.nodes().stream().filter(node -> node.ip().equals(ip)).findFirst().orElseThrow();
    }
}
