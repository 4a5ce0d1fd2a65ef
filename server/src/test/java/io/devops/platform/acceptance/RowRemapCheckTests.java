package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.H100;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowRemapCheckTests {

    private final RowRemapCheck check = new RowRemapCheck();

    @Test
    void noPendingOrFailedRemapPassesOnEachModel() {
        for (String model : new String[] {"h100", "h200", "a100"}) {
            CheckResult result = check.judge(HealthFixtures.healthy(model, "row_remap"), H100);

            assertThat(result.verdict()).as(model + ": " + result.message()).isEqualTo(CheckVerdict.PASS);
            assertThat(result.message()).isEqualTo("no pending or failed row remap on 8 GPUs");
        }
    }

    @Test
    void aPendingRemapFailsAskingForAReset() {
        CheckResult result = check.judge(HealthFixtures.output("h100-remap-pending", "row_remap"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("GPU 00000000:18:00.0: row remap pending: reset the GPU");
        assertThat(result.measured()).isEqualTo(1.0);
        assertThat(result.threshold()).isEqualTo(0.0);
    }

    @Test
    void aRemappingFailureFailsAskingForAnRmaAndBanksWithoutSparesWarn() {
        String healthy = HealthFixtures.healthy("h100", "row_remap");
        String failed = healthy.replaceFirst("Remapping Failure Occurred( +): No", "Remapping Failure Occurred$1: Yes");
        String exhausted = healthy.replaceFirst("None( +): 0 bank", "None$1: 2 bank");

        assertThat(check.judge(failed, H100).message()).startsWith("GPU 00000000:18:00.0: row remapping failed (no spare row left): RMA");
        CheckResult warned = check.judge(exhausted, H100);
        assertThat(warned.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(warned.message()).startsWith("GPU 00000000:18:00.0: 2 bank(s) without a spare row");
    }

    @Test
    void aGpuThatReportsNoRemapStateIsAnError() {
        String notApplicable = HealthFixtures.healthy("h100", "row_remap").replaceFirst("Pending( +): No", "Pending$1: N/A");

        CheckResult result = check.judge(notApplicable, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).startsWith("GPU 00000000:18:00.0: no readable row remap state");
    }

    @Test
    void missingToolAndEmptyOutputAreErrors() {
        assertThat(check.judge(HealthFixtures.MISSING_NVIDIA_SMI, H100).message()).isEqualTo(
                "nvidia-smi not found on the node: install the NVIDIA driver");
        assertThat(check.judge("devops-acceptance: exit status 255\n", H100).message()).isEqualTo(
                "nvidia-smi printed nothing (exit status 255): run it on the node by hand to see why");
    }
}
