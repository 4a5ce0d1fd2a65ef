package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.A100;
import static io.devops.platform.acceptance.HealthFixtures.H100;
import static io.devops.platform.acceptance.HealthFixtures.H200;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuInventoryCheckTests {

    private final GpuInventoryCheck check = new GpuInventoryCheck();

    @Test
    void eightHealthyGpusOfEachModelPass() {
        for (var model : new Object[][] {{"h100", H100}, {"h200", H200}, {"a100", A100}}) {
            CheckResult result = check.judge(HealthFixtures.healthy((String) model[0], "gpu_inventory"), (NodeContext) model[1]);

            assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
            assertThat(result.measured()).isEqualTo(8.0);
            assertThat(result.threshold()).isEqualTo(8.0);
            assertThat(result.unit()).isEqualTo("GPUs");
        }
    }

    @Test
    void sevenOfEightGpusFailAndNameTheBusIdsPresent() {
        CheckResult result = check.judge(HealthFixtures.output("h100-missing-gpu", "gpu_inventory"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.measured()).isEqualTo(7.0);
        assertThat(result.threshold()).isEqualTo(8.0);
        assertThat(result.message()).startsWith("7 of 8 GPUs: ").contains("not enumerated", "00000000:18:00.0", "lspci")
                .doesNotContain("00000000:2A:00.0");
    }

    @Test
    void aGapInTheIndexesIsNamedAsTheMissingIndex() {
        String withoutThree = HealthFixtures.healthy("h100", "gpu_inventory").lines().filter(line -> !line.startsWith("3, "))
                .reduce("", (all, line) -> all + line + "\n");

        CheckResult result = check.judge(withoutThree, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("7 of 8 GPUs: missing index 3");
    }

    @Test
    void aGpuTheDriverCannotReachIsALostGpu() {
        String lost = HealthFixtures.healthy("h100", "gpu_inventory").replaceFirst("(?m)^3, .*$",
                "Unable to determine the device handle for GPU0000:5D:00.0: Unknown Error");

        CheckResult result = check.judge(lost, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).contains("lost GPU 0000:5D:00.0 (Unknown Error)", "7 of 8 GPUs");
    }

    @Test
    void anotherModelThanDeclaredFails() {
        CheckResult result = check.judge(HealthFixtures.healthy("a100", "gpu_inventory"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).contains("is 'NVIDIA A100-SXM4-80GB', the inventory declares 'H100'");
    }

    @Test
    void persistenceModeOffFailsWithTheCommandThatFixesIt() {
        String off = HealthFixtures.healthy("h200", "gpu_inventory").replace(", Enabled, ", ", Disabled, ");

        CheckResult result = check.judge(off, H200);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).contains("persistence mode is not Enabled on GPU [0, 1, 2, 3, 4, 5, 6, 7]", "nvidia-persistenced");
    }

    @Test
    void aRepeatedOrMissingSerialFails() {
        String healthy = HealthFixtures.healthy("h100", "gpu_inventory");
        String serial0 = healthy.lines().findFirst().orElseThrow().split(", ")[2];
        String serial1 = healthy.lines().skip(1).findFirst().orElseThrow().split(", ")[2];

        CheckResult repeated = check.judge(healthy.replace(serial1, serial0), H100);
        CheckResult missing = check.judge(healthy.replace(serial1, "[N/A]"), H100);

        assertThat(repeated.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(repeated.message()).contains("GPUs [0, 1] report the same serial " + serial0);
        assertThat(missing.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(missing.message()).contains("GPU 1 (00000000:2A:00.0) reports no serial ('[N/A]')");
    }

    @Test
    void withoutADeclaredCountOrTypeWhatIsThereIsJudgedAndSaidToBeUncompared() {
        String seven = HealthFixtures.output("h100-missing-gpu", "gpu_inventory");

        CheckResult result = check.judge(seven, NodeContext.single(null, null));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(result.threshold()).isNull();
        assertThat(result.message()).contains("7 GPUs where an HGX H100 SXM board has 8", "declares no GPU type");
    }

    @Test
    void noGpuAtAllFails() {
        CheckResult result = check.judge("No devices were found\ndevops-acceptance: exit status 6\n", H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.measured()).isEqualTo(0.0);
        assertThat(result.message()).startsWith("nvidia-smi lists no GPU");
    }

    @Test
    void aMissingToolADriverThatDoesNotAnswerAndEmptyOrForeignOutputAreErrors() {
        assertThat(check.judge(HealthFixtures.MISSING_NVIDIA_SMI, H100)).isEqualTo(CheckResult.error("gpu_inventory",
                "nvidia-smi not found on the node: install the NVIDIA driver"));
        assertThat(check.judge("", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the "
                + "latest NVIDIA driver is installed and running.\n\ndevops-acceptance: exit status 9\n", H100).message())
                .startsWith("nvidia-smi failed: 'NVIDIA-SMI has failed");
        assertThat(check.judge("index, name, serial\n0, NVIDIA H100 80GB HBM3, 1\n", H100).message()).contains("not a row of 7 fields");
    }

    @Test
    void aCleanListFromAToolThatExitedNonZeroIsAnError() {
        CheckResult result = check.judge(HealthFixtures.healthy("h100", "gpu_inventory") + "devops-acceptance: exit status 15\n", H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).startsWith("nvidia-smi exited with status 15");
    }
}
