package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.H100;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EccCheckTests {

    private final EccCheck check = new EccCheck();

    @Test
    void noUncorrectableErrorPassesOnEachModel() {
        for (String model : new String[] {"h100", "h200", "a100"}) {
            CheckResult result = check.judge(HealthFixtures.healthy(model, "ecc"), H100);

            assertThat(result.verdict()).as(model + ": " + result.message()).isEqualTo(CheckVerdict.PASS);
            assertThat(result.measured()).isEqualTo(0.0);
            assertThat(result.threshold()).isEqualTo(0.0);
        }
    }

    @Test
    void uncorrectableDramErrorsFailNamingTheGpuAndCounter() {
        CheckResult result = check.judge(HealthFixtures.output("h100-ecc-uncorrectable", "ecc"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("GPU 00000000:AB:00.0: volatile DRAM Uncorrectable = 2 (uncorrectable ECC errors)")
                .contains("GPU 00000000:AB:00.0: aggregate DRAM Uncorrectable = 2");
        assertThat(result.measured()).isEqualTo(2.0);
        assertThat(result.unit()).isEqualTo("uncorrectable ECC errors");
    }

    @Test
    void anSramErrorOnlyInTheAggregateCounterFails() {
        String aggregate = HealthFixtures.healthy("a100", "ecc").replaceFirst(
                "(Aggregate\\n\\s+SRAM Correctable\\s+: 0\\n\\s+SRAM Uncorrectable\\s+: )0", "$13");

        CheckResult result = check.judge(aggregate, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("GPU 00000000:07:00.0: aggregate SRAM Uncorrectable = 3");
    }

    @Test
    void aPendingPageRetirementFailsAndPagesRetiredEarlierWarn() {
        String pending = """
                ==============NVSMI LOG==============

                Driver Version                            : 470.182.03
                Attached GPUs                             : 1
                GPU 00000000:3B:00.0
                    ECC Mode
                        Current                           : Enabled
                        Pending                           : Enabled
                    ECC Errors
                        Volatile
                            Double Bit
                                Device Memory             : 0
                                Total                     : 0
                        Aggregate
                            Double Bit
                                Device Memory             : 0
                                Total                     : 0
                    Retired Pages
                        Single Bit ECC                    : 2
                        Double Bit ECC                    : 0
                        Pending Page Blacklist            : %s
                """;

        CheckResult failed = check.judge(pending.formatted("Yes"), H100);
        CheckResult warned = check.judge(pending.formatted("No"), H100);

        assertThat(failed.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(failed.message()).isEqualTo("GPU 00000000:3B:00.0: retired page pending (Pending Page Blacklist): reset the GPU "
                + "(or reboot) to retire it");
        assertThat(warned.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(warned.message()).startsWith("GPU 00000000:3B:00.0: 2 page(s) retired earlier (Single Bit ECC)");
    }

    @Test
    void eccTurnedOffFails() {
        String off = HealthFixtures.healthy("h100", "ecc").replaceFirst("Current( +): Enabled", "Current$1: Disabled");

        CheckResult result = check.judge(off, H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("GPU 00000000:18:00.0: ECC mode is Disabled: enable it ('nvidia-smi -e 1') and reboot");
        assertThat(check.judge(HealthFixtures.healthy("h100", "ecc").replaceFirst("Current( +): Enabled", "Current$1: N/A"), H100).verdict())
                .isEqualTo(CheckVerdict.ERROR);
    }

    @Test
    void missingToolEmptyCutShortAndForeignOutputAreErrors() {
        String healthy = HealthFixtures.healthy("h100", "ecc");

        assertThat(check.judge(HealthFixtures.MISSING_NVIDIA_SMI, H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge("", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge(healthy.substring(0, healthy.indexOf("GPU 00000000:5D:00.0")), H100).message())
                .isEqualTo("the output is cut short: 8 GPUs attached, 3 listed");
        assertThat(check.judge(HealthFixtures.healthy("h100", "nvlink"), H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge(HealthFixtures.healthy("h100", "row_remap"), H100).message())
                .startsWith("GPU 00000000:18:00.0: no ECC section");
    }
}
