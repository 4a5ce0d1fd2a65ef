package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.HealthFixtures.H100;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FabricManagerCheckTests {

    private final FabricManagerCheck check = new FabricManagerCheck();

    @Test
    void anActiveFabricManagerAtTheDriversVersionPassesOnEachModel() {
        for (String model : new String[] {"h100", "h200", "a100"}) {
            CheckResult result = check.judge(HealthFixtures.healthy(model, "fabric_manager"), H100);

            assertThat(result.verdict()).as(model + ": " + result.message()).isEqualTo(CheckVerdict.PASS);
        }
    }

    @Test
    void aVersionOtherThanTheDriversFailsNamingBoth() {
        CheckResult result = check.judge(HealthFixtures.output("h100-fm-wrong-version", "fabric_manager"), H100);

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("Fabric Manager 535.161.08 does not match driver 535.183.01")
                .contains("install nvidia-fabricmanager-535=535.183.01");
    }

    @Test
    void anInactiveOrAbsentFabricManagerOnAnNvswitchSystemFails() {
        String healthy = HealthFixtures.healthy("h100", "fabric_manager");

        assertThat(check.judge(healthy.replace("fabricmanager_active: active", "fabricmanager_active: inactive"), H100).message())
                .startsWith("Fabric Manager 535.183.01 is inactive on an NVSwitch system");
        assertThat(check.judge(healthy.replace("fabricmanager_version: 535.183.01", "fabricmanager_version: none"), H100).message())
                .startsWith("NVSwitch system without Fabric Manager (driver 535.183.01)");
    }

    @Test
    void withoutNvswitchItIsNotNeededUnlessTheBoardShouldHaveThem() {
        String none = "nvswitch: no\ndriver_version: 535.183.01\nfabricmanager_active: inactive\nfabricmanager_version: none\n";

        CheckResult pcie = check.judge(none, NodeContext.single("H100 PCIe", 4));
        CheckResult hgx = check.judge(none, H100);

        assertThat(pcie.verdict()).isEqualTo(CheckVerdict.PASS);
        assertThat(pcie.message()).isEqualTo("no NVSwitch: Fabric Manager not needed");
        assertThat(hgx.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(hgx.message()).contains("HGX H100 SXM 8-GPU board has NVSwitches");
    }

    @Test
    void missingLinesAMissingToolAndEmptyOutputAreErrors() {
        assertThat(check.judge("nvswitch: yes\ndriver_version: 535.183.01\n", H100).message())
                .isEqualTo("the Fabric Manager probe printed no fabricmanager_active, fabricmanager_version line: "
                        + "the report is cut short or not the probe's");
        assertThat(check.judge(HealthFixtures.MISSING_NVIDIA_SMI, H100).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge("", H100).verdict()).isEqualTo(CheckVerdict.ERROR);
    }
}
