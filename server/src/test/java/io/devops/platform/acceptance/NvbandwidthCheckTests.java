package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.PerfFixtures.node;
import static io.devops.platform.acceptance.PerfFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NvbandwidthCheckTests {

    private final NvbandwidthCheck check = new NvbandwidthCheck(PerfFixtures.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"h100-8-healthy", "h200-8-healthy", "a100-8-healthy"})
    void aHealthyNodeOfEachModelPasses(String profile) {
        CheckResult result = check.judge(output(profile, "nvbandwidth"), node(profile));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.message()).startsWith("host-device: lowest ").contains("; device-device: lowest ");
        assertThat(result.metric()).as("a pass reports the device-device figure, the one its baseline keeps")
                .isEqualTo(NvbandwidthCheck.PEER_METRIC);
        assertThat(result.measured()).isLessThan(result.threshold() * 1.5).isGreaterThanOrEqualTo(result.threshold());
    }

    @Test
    void theSlowestGpuToTheHostDecidesAndIsNamed() {
        String slow = withRow(output("h100-8-healthy", "nvbandwidth"), "device_to_host_memcpy_ce",
                " 0     55.51     55.60     55.14     55.20     55.42     31.07     55.16     55.14");

        CheckResult result = check.judge(slow, node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.measured()).isEqualTo(31.07);
        assertThat(result.threshold()).isEqualTo(48.0);
        assertThat(result.metric()).isEqualTo(NvbandwidthCheck.HOST_METRIC);
        assertThat(result.message()).startsWith("host-device: lowest 31.07 GB/s on GPU 5 (device to host) is below 48.00 GB/s;");
    }

    @Test
    void theSlowestPeerReadDecidesAndIsNamed() {
        String full = output("a100-8-healthy", "nvbandwidth");
        int at = full.indexOf("\n 3 ", full.indexOf("Running device_to_device_memcpy_read_ce"));
        String row3 = full.substring(at + 1, full.indexOf('\n', at + 1));
        String[] cells = row3.strip().split("\\s+");
        cells[7] = "118.40";
        String slow = full.replace(row3, String.format(" 3%10s%10s%10s%10s%10s%10s%10s%10s", (Object[]) java.util.Arrays.copyOfRange(cells, 1, 9)));

        CheckResult result = check.judge(slow, node("a100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.measured()).isEqualTo(118.40);
        assertThat(result.threshold()).isEqualTo(250.0);
        assertThat(result.metric()).isEqualTo(NvbandwidthCheck.PEER_METRIC);
        assertThat(result.message()).contains("device-device: lowest 118.40 GB/s on GPU 3 reading GPU 6 is below 250.00 GB/s");
    }

    @Test
    void aTestcaseCutShortWaivedOrNotRunIsAnError() {
        String full = output("h100-8-healthy", "nvbandwidth");
        String cut = full.substring(0, full.indexOf("SUM device_to_device_memcpy_read_ce"));
        String waived = full.substring(0, full.indexOf("Running device_to_device_memcpy_read_ce"))
                + "Running device_to_device_memcpy_read_ce.\nWAIVED: Peer access is not available between the devices\n";
        String notRun = full.substring(0, full.indexOf("Running device_to_device_memcpy_read_ce"));

        assertThat(check.judge(cut, node("h100-8-healthy")).message())
                .isEqualTo("nvbandwidth gave no complete device_to_device_memcpy_read_ce result (cut short: no SUM line)");
        assertThat(check.judge(waived, node("h100-8-healthy")).message())
                .isEqualTo("nvbandwidth gave no complete device_to_device_memcpy_read_ce result: WAIVED: Peer access is not available"
                        + " between the devices");
        assertThat(check.judge(notRun, node("h100-8-healthy")).message()).endsWith("(not run)");
        assertThat(check.judge("", node("h100-8-healthy")).verdict()).isEqualTo(CheckVerdict.ERROR);
    }

    @Test
    void aDifferentModelOrGpuCountThanTheInventoryFails() {
        CheckResult model = check.judge(output("h200-8-healthy", "nvbandwidth"), NodeContext.single("A100", 8));
        CheckResult count = check.judge(output("h200-8-healthy", "nvbandwidth"), NodeContext.single("H200", 4));

        assertThat(model.message()).isEqualTo("nvbandwidth ran on NVIDIA H200 but the inventory declares A100");
        assertThat(count.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(count.message()).isEqualTo("nvbandwidth sees 8 GPUs, the inventory declares 4");
    }

    @Test
    void aMissingNvbandwidthIsAnErrorSayingHowToGetIt() {
        CheckResult result = check.judge(PerfFixtures.missing("nvbandwidth", "nvbandwidth"), node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).isEqualTo("nvbandwidth not found on the node: install nvbandwidth (build it from"
                + " github.com/NVIDIA/nvbandwidth: no distribution packages it)");
    }

    private static String withRow(String output, String testcase, String row) {
        int start = output.indexOf("\n 0 ", output.indexOf("Running " + testcase));
        int end = output.indexOf('\n', start + 1);
        return output.substring(0, start + 1) + row + output.substring(end);
    }
}
