package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.A100;
import static io.devops.platform.acceptance.HealthFixtures.H100;
import static io.devops.platform.acceptance.HealthFixtures.H200;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcieCheckTests {

    private final PcieCheck check = new PcieCheck();

    @Test
    void fullWidthLinksPassOnEachModel() {
        assertThat(check.judge(HealthFixtures.healthy("h100", "pcie"), H100).verdict()).isEqualTo(CheckVerdict.PASS);
        assertThat(check.judge(HealthFixtures.healthy("h200", "pcie"), H200).verdict()).isEqualTo(CheckVerdict.PASS);
        CheckResult a100 = check.judge(HealthFixtures.healthy("a100", "pcie"), A100);
        assertThat(a100.verdict()).isEqualTo(CheckVerdict.PASS);
        assertThat(a100.measured()).isEqualTo(16.0);
        assertThat(a100.threshold()).isEqualTo(16.0);
    }

    @Test
    void anIdleLinkBelowItsMaximumGenerationIsNotAFault() {
        CheckResult result = check.judge(HealthFixtures.healthy("a100", "pcie"), A100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.message()).contains("GPU 1 at gen 1 of 4 at 0 % utilisation", "idle links downshift, not a fault");
    }

    @Test
    void aNarrowLinkFailsNamingTheGpuAndItsWidth() {
        CheckResult result = check.judge(HealthFixtures.output("h100-pcie-width-degraded", "pcie"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("GPU 2 (00000000:3A:00.0) at x8 of x16: reseat");
        assertThat(result.measured()).isEqualTo(8.0);
        assertThat(result.threshold()).isEqualTo(16.0);
        assertThat(result.unit()).isEqualTo("PCIe lanes");
    }

    @Test
    void aLowerGenerationUnderLoadWarns() {
        String loaded = "0, 00000000:18:00.0, 4, 5, 16, 16, 97 %\n1, 00000000:2A:00.0, 5, 5, 16, 16, 98 %\n";

        CheckResult result = check.judge(loaded, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(result.message()).startsWith("GPU 0 at gen 4 of 5 at 97 % utilisation: below the maximum generation under load");
    }

    @Test
    void unreadableLinksMissingToolAndEmptyOutputAreErrors() {
        assertThat(check.judge("0, 00000000:18:00.0, [N/A], [N/A], [N/A], [N/A], [N/A]\n", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge(HealthFixtures.MISSING_NVIDIA_SMI, H100).message()).isEqualTo(
                "nvidia-smi not found on the node: install the NVIDIA driver");
        assertThat(check.judge("\n", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge("No devices were found\n", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
    }
}
