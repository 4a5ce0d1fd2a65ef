package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.PerfFixtures.line;
import static io.devops.platform.acceptance.PerfFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NcclAllReduceMultiCheckTests {

    private final NcclAllReduceMultiCheck check = new NcclAllReduceMultiCheck(PerfFixtures.defaults());

    private static NodeContext twoNodes(String model) {
        return new NodeContext(model, 8, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h100-8-healthy", "h200-8-healthy", "a100-8-healthy"})
    void twoHealthyNodesOfEachModelPassTheirTwoNodeLine(String profile) {
        CheckResult result = check.judge(output(profile, "nccl_all_reduce_multi"), twoNodes(profile.substring(0, 4).toUpperCase()));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.message()).contains("on 16 x NVIDIA").contains(", 2 nodes over IB)");
    }

    @Test
    void aMultiNodeRunIsJudgedByItsOwnLineNeverTheSingleNodeOne() {
        CheckResult result = check.judge(output("h100-8-healthy", "nccl_all_reduce_multi"), twoNodes("H100"));

        assertThat(result.measured()).isEqualTo(361.84).isLessThan(460.0);
        assertThat(result.threshold()).isEqualTo(340.0);
        assertThat(result.verdict()).isEqualTo(CheckVerdict.PASS);
    }

    @Test
    void rankPrefixesOfMpirunAreRead() {
        String prefixed = output("h100-8-healthy", "nccl_all_reduce_multi").lines().map(line -> "[0] " + line)
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(check.judge(prefixed, twoNodes("H100")).verdict()).isEqualTo(CheckVerdict.PASS);
    }

    @Test
    void noLineForThatNodeCountIsAnErrorThatSaysToAddOne() {
        NcclAllReduceMultiCheck onlyFourNodes = new NcclAllReduceMultiCheck(() -> PerfFixtures.book(List.of(
                line("nccl_all_reduce", "busbw_gbps", "H100", 8, 1, null, 460),
                line("nccl_all_reduce_multi", "busbw_gbps", "H100", 8, 4, "IB", 330))));

        CheckResult result = onlyFourNodes.judge(output("h100-8-healthy", "nccl_all_reduce_multi"), twoNodes("H100"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).startsWith("no line for 2 nodes of NVIDIA H100 80GB HBM3: add one");
    }

    @Test
    void theFabricNcclReportsPicksTheLineAndSeveralFabricsWithoutOneIsAnError() {
        CurrentLines two = () -> PerfFixtures.book(List.of(
                line("nccl_all_reduce_multi", "busbw_gbps", "H100", 8, 2, "IB", 340),
                line("nccl_all_reduce_multi", "busbw_gbps", "H100", 8, 2, "Socket", 20)));
        String output = output("h100-8-healthy", "nccl_all_reduce_multi");
        String withInfo = output.replace("# Using devices", "gpu-h100-01:41230:41230 [0] NCCL INFO NET/IB : Using [0]mlx5_0:1/IB\n# Using devices");

        CheckResult named = new NcclAllReduceMultiCheck(two).judge(withInfo, twoNodes("H100"));
        CheckResult unnamed = new NcclAllReduceMultiCheck(two).judge(output, twoNodes("H100"));

        assertThat(named.threshold()).isEqualTo(340.0);
        assertThat(named.message()).contains("fabric IB as NCCL reported it");
        assertThat(unnamed.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(unnamed.message()).contains("several fabrics [IB, Socket]");
    }

    @Test
    void aRunOnFewerHostsThanTheTestsNodesFails() {
        String oneHost = output("h100-8-healthy", "nccl_all_reduce_multi").replace("gpu-h100-02", "gpu-h100-01");

        CheckResult result = check.judge(oneHost, twoNodes("H100"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("all_reduce_perf ran on 1 host(s) [gpu-h100-01], not on the 2 nodes of the test");
    }

    @Test
    void oneNodeIsNotAMultiNodeTest() {
        CheckResult result = check.judge(output("h100-8-healthy", "nccl_all_reduce_multi"), NodeContext.single("H100", 8));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).contains("needs at least 2 nodes");
    }

    @Test
    void missingMpirunOrCutShortOutputIsAnError() {
        String full = output("h100-8-healthy", "nccl_all_reduce_multi");

        CheckResult missing = check.judge(PerfFixtures.missing("mpirun", "openmpi"), twoNodes("H100"));
        CheckResult cut = check.judge(full.substring(0, full.indexOf("# Avg bus")), twoNodes("H100"));

        assertThat(missing.message()).isEqualTo("mpirun not found on the node: install openmpi");
        assertThat(cut.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(cut.message()).contains("truncated");
    }
}
