package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.PerfFixtures.node;
import static io.devops.platform.acceptance.PerfFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DcgmDiagCheckTests {

    private final DcgmDiagCheck check = new DcgmDiagCheck();

    /** A DCGM 3.x document with a hardware test per GPU: GPU 3 fails Memory, GPU 5 warns on PCIe. */
    private static final String HARDWARE_FAIL = """
            {
               "DCGM GPU Diagnostic" : {
                  "test_categories" : [
                     {
                        "category" : "Deployment",
                        "tests" : [
                           { "name" : "Denylist", "results" : [ { "gpu_ids" : "0,1,2,3", "status" : "Pass" } ] }
                        ]
                     },
                     {
                        "category" : "Hardware",
                        "tests" : [
                           {
                              "name" : "GPU Memory",
                              "results" : [
                                 { "gpu_ids" : "2", "status" : "Pass" },
                                 { "gpu_ids" : "3", "status" : "Fail",
                                   "warnings" : [ { "error_id" : 83, "warning" : "GPU 3 Uncorrectable ECC error detected on GPU 3: reset or RMA" } ] }
                              ]
                           }
                        ]
                     },
                     {
                        "category" : "Integration",
                        "tests" : [
                           { "name" : "PCIe", "results" : [ { "gpu_ids" : "5", "status" : "Warn", "warnings" : [ "GPU 5 PCIe replay rate high" ] } ] }
                        ]
                     }
                  ],
                  "version" : "3.3.7"
               }
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"h100-8-healthy", "h200-8-healthy", "a100-8-healthy"})
    void aHealthyNodeOfEachModelPasses(String profile) {
        CheckResult result = check.judge(output(profile, "dcgm_diag"), node(profile));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.message()).isEqualTo("9 DCGM test result(s) passed");
    }

    @Test
    void aFailingTestFailsNamingTestGpuAndDcgmsMessage() {
        CheckResult result = check.judge(HARDWARE_FAIL + "devops-acceptance: exit status 226\n", node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.measured()).isEqualTo(1.0);
        assertThat(result.message()).isEqualTo("DCGM diagnostic failed: GPU Memory on GPU 3: GPU 3 Uncorrectable ECC error detected on"
                + " GPU 3: reset or RMA");
    }

    @Test
    void aWarningWarns() {
        CheckResult result = check.judge(HARDWARE_FAIL.replace("\"Fail\"", "\"Pass\""), node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(result.message()).isEqualTo("DCGM diagnostic warns: PCIe on GPU 5: GPU 5 PCIe replay rate high");
    }

    @Test
    void theTableOutputIsToleratedAndItsWrappedMessageRead() {
        String table = """
                Successfully ran diagnostic for group.
                +---------------------------+------------------------------------------------+
                | Diagnostic                | Result                                         |
                +===========================+================================================+
                |-----  Metadata  ----------+------------------------------------------------|
                | DCGM Version              | 3.1.8                                          |
                |-----  Deployment  --------+------------------------------------------------|
                | Denylist                  | Pass                                           |
                | Persistence Mode          | Fail                                           |
                | Error                     | Persistence mode for GPU 0 is currently disab  |
                |                           | led. Enable it.                                |
                | Inforom                   | Pass                                           |
                +---------------------------+------------------------------------------------+
                """;

        CheckResult result = check.judge(table, node("h200-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("DCGM diagnostic failed: Persistence Mode on GPU 0: Persistence mode for GPU 0 is"
                + " currently disabled. Enable it.");
    }

    @Test
    void theDcgm4DocumentIsReadToo() {
        String dcgm4 = """
                {"DCGM Diagnostic" : {"test_categories" : [{"category" : "Deployment", "tests" : [{"name" : "software",
                  "results" : [{"entity_group" : "GPU", "entity_group_id" : 1, "entity_id" : 0, "status" : "Fail",
                    "warnings" : [{"error_category" : 8, "error_id" : 29, "error_severity" : 5,
                      "warning" : "Persistence Mode: Persistence mode for GPU 0 is disabled."}]}]}]}]},
                 "metadata" : {"Driver Version Detected" : "580.82.09", "version" : "4.2.3"}}
                """;

        CheckResult result = check.judge(dcgm4, node("h100-8-healthy"));

        assertThat(result.message()).isEqualTo("DCGM diagnostic failed: software on GPU 0: Persistence Mode: Persistence mode for GPU 0"
                + " is disabled.");
    }

    @Test
    void anUnknownStatusOrOnlySkippedTestsIsAnError() {
        String unknown = HARDWARE_FAIL.replace("\"Fail\"", "\"Pass\"").replace("\"Warn\"", "\"Inconclusive\"");
        String skipped = output("h100-8-healthy", "dcgm_diag").replace("\"Pass\"", "\"Skip\"");

        assertThat(check.judge(unknown, node("h100-8-healthy")).message())
                .isEqualTo("DCGM reported a status this check does not know: PCIe 'Inconclusive'");
        assertThat(check.judge(skipped, node("h100-8-healthy")).message()).isEqualTo("DCGM ran no test: every result is skipped");
    }

    @Test
    void cutShortNotDcgmOrEmptyOutputIsAnError() {
        String full = output("h100-8-healthy", "dcgm_diag");

        CheckResult cut = check.judge(full.substring(0, full.length() / 2), node("h100-8-healthy"));
        CheckResult other = check.judge("Error: unable to establish a connection to the specified host: localhost\n"
                + "devops-acceptance: exit status 255\n", node("h100-8-healthy"));
        CheckResult empty = check.judge("", node("h100-8-healthy"));

        assertThat(cut.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(cut.message()).contains("cut short");
        assertThat(other.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(other.message()).contains("unable to establish a connection").contains("dcgmi exited with status 255");
        assertThat(empty.message()).isEqualTo("dcgmi diag printed nothing");
    }

    @Test
    void aMissingDcgmiIsAnErrorSayingWhatToInstall() {
        CheckResult result = check.judge(PerfFixtures.missing("dcgmi", "datacenter-gpu-manager"), node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.message()).isEqualTo("dcgmi not found on the node: install datacenter-gpu-manager");
    }
}
