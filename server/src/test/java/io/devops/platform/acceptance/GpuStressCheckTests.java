package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.H100;
import static io.devops.platform.acceptance.HealthFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuStressCheckTests {

    private final GpuStressCheck check = new GpuStressCheck();

    @Test
    void eightGpusStressedWithoutErrorsPass() {
        CheckResult result = check.judge(output("h100-8-healthy", "gpu_stress"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.message()).isEqualTo("8 GPU(s) stressed, none faulty");
        assertThat(result.measured()).isZero();
    }

    @Test
    void aFaultyGpuFailsAsHardwareNamingIt() {
        CheckResult result = check.judge(output("h100-gpu-burn-faulty", "gpu_stress"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.reason()).isEqualTo(FailureReason.HARDWARE);
        assertThat(result.message()).startsWith("GPU 3 computed wrong results under sustained load");
    }

    @Test
    void aMissingToolCouldNotRunAndNeverPasses() {
        CheckResult result = check.judge("devops-acceptance: missing tool gpu_burn (install gpu-burn (github.com/wilicc/gpu-burn))\n", H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.reason()).isEqualTo(FailureReason.COULD_NOT_RUN);
        assertThat(result.message()).startsWith("gpu_burn not found on the node: install gpu-burn");
    }

    @Test
    void aRunStoppedBeforeItsSummaryCouldNotRun() {
        String cut = "Initialized device 0 with 81008 MB of memory\n10.0%  proc'd: 4480 (61234 Gflop/s)   errors: 0\n"
                + "devops-acceptance: exit status 124\n";

        CheckResult result = check.judge(cut, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.reason()).isEqualTo(FailureReason.COULD_NOT_RUN);
        assertThat(result.message()).contains("status 124 before its summary");
    }

    @Test
    void anOutputWithoutSummaryOrWithTooFewResultsIsMissingEvidence() {
        String healthy = output("h100-8-healthy", "gpu_stress");
        String fewer = healthy.substring(0, healthy.indexOf("\tGPU 5: OK"));

        assertThat(check.judge("Initialized device 0\n", H100).reason()).isEqualTo(FailureReason.MISSING_EVIDENCE);
        assertThat(check.judge(fewer, H100).reason()).isEqualTo(FailureReason.MISSING_EVIDENCE);
        assertThat(check.judge("", H100).reason()).isEqualTo(FailureReason.MISSING_EVIDENCE);
    }

    @Test
    void fewerGpusTestedThanDeclaredFails() {
        String seven = "Tested 7 GPUs:\n" + "\tGPU 0: OK\n".repeat(7);

        CheckResult result = check.judge(seven, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("gpu_burn tested 7 of 8 GPUs: a GPU is missing");
    }

    @Test
    void allOkButANonZeroExitIsNotAPass() {
        CheckResult result = check.judge(output("h100-8-healthy", "gpu_stress") + "devops-acceptance: exit status 1\n", H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).endsWith("but gpu_burn exited with status 1");
    }
}
