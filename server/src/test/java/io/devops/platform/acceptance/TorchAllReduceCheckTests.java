package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.PerfFixtures.node;
import static io.devops.platform.acceptance.PerfFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorchAllReduceCheckTests {

    private final TorchAllReduceCheck check = new TorchAllReduceCheck(PerfFixtures.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"h100-8-healthy", "h200-8-healthy", "a100-8-healthy"})
    void aHealthyNodeOfEachModelPasses(String profile) {
        CheckResult result = check.judge(output(profile, "torch_all_reduce"), node(profile));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.message()).startsWith("result correct; busbw ").contains(" at 1 GiB on 8 x ");
    }

    @Test
    void aWrongResultFailsWhateverTheSpeed() {
        String notOk = output("h100-8-healthy", "torch_all_reduce").replace("\"result_ok\":true", "\"result_ok\":false");
        String off = output("h100-8-healthy", "torch_all_reduce").replace("\"max_abs_error\":0.0", "\"max_abs_error\":0.125");

        CheckResult first = check.judge(notOk, node("h100-8-healthy"));
        CheckResult second = check.judge(off, node("h100-8-healthy"));

        assertThat(first.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(first.message()).startsWith("the all-reduce result is wrong: result_ok false");
        assertThat(second.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(second.message()).startsWith("the all-reduce result is wrong: result_ok true, max_abs_error 0.125");
    }

    @Test
    void busbwBelowTheModelsLineFails() {
        String slow = output("a100-8-healthy", "torch_all_reduce").replace("\"busbw_gbps\":208.4", "\"busbw_gbps\":150.2");

        CheckResult result = check.judge(slow, node("a100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("result correct; busbw 150.20 GB/s at 1 GiB on 8 x A100 is below 193.00 GB/s (8 x A100)");
    }

    @Test
    void missingFieldsOrNoResultLineIsAnError() {
        String partial = "{\"check\":\"torch_all_reduce\",\"world_size\":8,\"nodes\":1,\"result_ok\":true}\n";
        String cut = "{\"check\":\"torch_all_reduce\",\"world_size\":8,\"nod\ndevops-acceptance: exit status 1\n";

        assertThat(check.judge(partial, node("h100-8-healthy")).message())
                .isEqualTo("the result line lacks max_abs_error, size_bytes, busbw_gbps (or they are not of the right type)");
        CheckResult truncated = check.judge(cut, node("h100-8-healthy"));
        assertThat(truncated.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(truncated.message()).startsWith("no torch_all_reduce result line in the output (the test exited with status 1)");
        assertThat(check.judge("", node("h100-8-healthy")).verdict()).isEqualTo(CheckVerdict.ERROR);
    }

    @Test
    void aMultiNodeRunNeedsALineForItsNodeCount() {
        String twoNodes = "{\"check\":\"torch_all_reduce\",\"world_size\":16,\"nodes\":2,\"result_ok\":true,\"max_abs_error\":0.0,"
                + "\"size_bytes\":1073741824,\"busbw_gbps\":301.7}\n";

        CheckResult result = check.judge(twoNodes, new NodeContext("H100", 8, 2));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).startsWith("no line for 2 nodes of 8 x H100: add one");
    }

    @Test
    void theModelTheTestNamesIsJudgedWhenTheInventoryDeclaresNone() {
        String named = output("h100-8-healthy", "torch_all_reduce").replace("}", ",\"gpu_model\":\"NVIDIA H100 80GB HBM3\"}");

        CheckResult result = check.judge(named, new NodeContext(null, null, 1));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.message()).contains(" on 8 x NVIDIA H100 80GB HBM3 reaches 391.00 GB/s");
    }

    @Test
    void aNamedModelOtherThanTheInventorysFails() {
        String named = output("h100-8-healthy", "torch_all_reduce").replace("}", ",\"gpu_model\":\"NVIDIA A100-SXM4-80GB\"}");

        CheckResult result = check.judge(named, node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("the test ran on NVIDIA A100-SXM4-80GB but the inventory declares ");
    }

    @Test
    void aMissingTorchTestIsAnError() {
        CheckResult result = check.judge(PerfFixtures.missing("python3", "python3-torch"), node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).isEqualTo("python3 not found on the node: install python3-torch");
    }
}
