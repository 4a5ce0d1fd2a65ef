package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.PerfFixtures.node;
import static io.devops.platform.acceptance.PerfFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NcclAllReduceCheckTests {

    private final NcclAllReduceCheck check = new NcclAllReduceCheck(PerfFixtures.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"h100-8-healthy", "h200-8-healthy", "a100-8-healthy"})
    void aHealthyNodeOfEachModelPasses(String profile) {
        CheckResult result = check.judge(output(profile, "nccl_all_reduce"), node(profile));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.unit()).isEqualTo("GB/s");
        assertThat(result.message()).contains("busbw at 16 GiB on 8 x NVIDIA").contains(" reaches the line of ");
    }

    @Test
    void busbwBelowTheModelsLineFailsWithTheFigures() {
        CheckResult result = check.judge(output("h100-low-busbw", "nccl_all_reduce"), node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.measured()).isEqualTo(371.46);
        assertThat(result.threshold()).isEqualTo(460.0);
        assertThat(result.message()).isEqualTo("371.46 GB/s busbw at 16 GiB on 8 x NVIDIA H100 80GB HBM3 is below the line of"
                + " 460.00 GB/s (8 x H100)");
    }

    @Test
    void wrongValuesFailWhateverTheSpeed() {
        String wrong = output("h100-8-healthy", "nccl_all_reduce").replace("472.31      0", "472.31      3");

        CheckResult result = check.judge(wrong, node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("the all-reduce result is wrong: all_reduce_perf counted 3 wrong values");
    }

    @Test
    void outOfBoundsValuesFail() {
        String bad = output("h100-8-healthy", "nccl_all_reduce").replace("# Out of bounds values : 0 OK", "# Out of bounds values : 12 FAILED");

        assertThat(check.judge(bad, node("h100-8-healthy")).message()).contains("out-of-bounds values FAILED");
    }

    @Test
    void theModelTheOutputNamesWinsAndADifferentInventoryModelFails() {
        CheckResult result = check.judge(output("h200-8-healthy", "nccl_all_reduce"), NodeContext.single("H100", 8));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("all_reduce_perf ran on NVIDIA H200 but the inventory declares H100");
    }

    @Test
    void fewerGpusThanTheInventoryDeclaresFail() {
        String seven = output("h100-8-healthy", "nccl_all_reduce").lines()
                .filter(line -> !line.contains("Rank  7 ")).reduce("", (a, b) -> a + b + "\n");

        CheckResult result = check.judge(seven, node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("all_reduce_perf ran on 7 GPUs but 8 GPUs make 8");
    }

    @Test
    void aModelWithoutALineIsAnErrorThatSaysToAddOne() {
        String l40s = output("h100-8-healthy", "nccl_all_reduce").replace("NVIDIA H100 80GB HBM3", "NVIDIA L40S");

        CheckResult result = check.judge(l40s, NodeContext.single(null, 8));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).startsWith("no line for 8 x NVIDIA L40S on one node: add one (PUT /api/v1/acceptance-lines)");
    }

    @Test
    void aMissingToolIsAnErrorSayingWhatToInstall() {
        CheckResult result = check.judge(PerfFixtures.missing("all_reduce_perf", "nccl-tests"), node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).isEqualTo("all_reduce_perf not found on the node: install nccl-tests");
    }

    @Test
    void outputCutShortOrEmptyIsAnError() {
        String full = output("h100-8-healthy", "nccl_all_reduce");
        String cut = full.substring(0, full.indexOf("# Out of bounds")) + "devops-acceptance: exit status 137\n";

        CheckResult truncated = check.judge(cut, node("h100-8-healthy"));
        CheckResult empty = check.judge("", node("h100-8-healthy"));

        assertThat(truncated.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(truncated.message()).contains("ends before '# Avg bus bandwidth'").contains("exited with status 137");
        assertThat(empty.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(empty.message()).isEqualTo("all_reduce_perf printed nothing");
    }

    @Test
    void aCompleteTableFromAToolThatExitedNonZeroIsNotAPass() {
        String output = output("h100-8-healthy", "nccl_all_reduce") + "devops-acceptance: exit status 1\n";

        CheckResult result = check.judge(output, node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).endsWith("but all_reduce_perf exited with status 1");
    }
}
