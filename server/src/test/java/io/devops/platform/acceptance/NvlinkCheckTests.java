package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.A100;
import static io.devops.platform.acceptance.HealthFixtures.H100;
import static io.devops.platform.acceptance.HealthFixtures.H200;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvlinkCheckTests {

    private final NvlinkCheck check = new NvlinkCheck();

    @Test
    void everyLinkUpAtTheRatedSpeedPassesOnEachModel() {
        CheckResult h100 = check.judge(HealthFixtures.healthy("h100", "nvlink"), H100);
        CheckResult h200 = check.judge(HealthFixtures.healthy("h200", "nvlink"), H200);
        CheckResult a100 = check.judge(HealthFixtures.healthy("a100", "nvlink"), A100);

        assertThat(h100.verdict()).as(h100.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(h100.measured()).isEqualTo(144.0);
        assertThat(h100.threshold()).isEqualTo(144.0);
        assertThat(h200.verdict()).as(h200.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(a100.verdict()).as(a100.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(a100.message()).isEqualTo("all 96 NVLinks of 8 GPUs up at their rated speed");
    }

    @Test
    void anInactiveLinkFailsNamingTheGpuAndLink() {
        CheckResult result = check.judge(HealthFixtures.output("h100-nvlink-inactive", "nvlink"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("GPU 3: NVLink [7] inactive: reset the GPU");
        assertThat(result.measured()).isEqualTo(143.0);
        assertThat(result.threshold()).isEqualTo(144.0);
    }

    @Test
    void aSlowLinkFewerLinksAndAGpuWithAllLinksInactiveFail() {
        String healthy = HealthFixtures.healthy("a100", "nvlink");
        String slow = healthy.replaceFirst("Link 4: 25 GB/s", "Link 4: 12.5 GB/s");
        String fewer = healthy.replaceFirst("\\s+Link 11: 25 GB/s", "");
        String allInactive = healthy.substring(0, healthy.indexOf("GPU 7:"))
                + "GPU 7: NVIDIA A100-SXM4-80GB (UUID: GPU-c7e253b0-c227-6f10-e860-7482c85e7ce8)\n"
                + "NVML: Unable to retrieve NVLink information as all links are inactive\n";

        assertThat(check.judge(slow, A100).message()).startsWith("GPU 0: link 4 at 12.5 GB/s below the rated 25.0 GB/s");
        assertThat(check.judge(fewer, A100).message()).startsWith("GPU 0: 11 of 12 NVLinks listed for A100 SXM4");
        assertThat(check.judge(allInactive, A100).message()).startsWith("GPU 7: all NVLinks inactive");
        assertThat(check.judge(allInactive, A100).verdict()).isEqualTo(CheckVerdict.FAIL);
    }

    @Test
    void fewerGpusThanDeclaredFail() {
        CheckResult result = check.judge(HealthFixtures.output("h100-missing-gpu", "nvlink"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("7 of 8 GPUs listed");
    }

    @Test
    void missingToolEmptyAndForeignOutputAreErrors() {
        assertThat(check.judge(HealthFixtures.MISSING_NVIDIA_SMI, H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge(" \n", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge(HealthFixtures.healthy("h100", "pcie"), H100).message()).startsWith("line 1 is not nvidia-smi nvlink");
    }
}
