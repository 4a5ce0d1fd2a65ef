package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FabricTests {

    @Test
    void anNvidiaNvswitchInLspciMeansNvswitch() {
        String hgx = """
                18:00.0 3D controller [0302]: NVIDIA Corporation GH100 [H100 SXM5 80GB] [10de:2330] (rev a1)
                05:00.0 Bridge [0680]: NVIDIA Corporation GH100 [H100 NVSwitch] [10de:22a3] (rev a1)
                """;
        String pcie = "18:00.0 3D controller [0302]: NVIDIA Corporation GH100 [H100 PCIe] [10de:2331] (rev a1)\n";

        assertThat(Fabric.hasNvswitch(hgx)).isTrue();
        assertThat(Fabric.hasNvswitch(pcie)).isFalse();
    }

    @Test
    void readsTheFabricManagerVersionNumberOnly() {
        assertThat(Fabric.version("Fabric Manager version is : 550.54.15\n")).contains("550.54.15");
        assertThat(Fabric.version("command not understood")).isEmpty();
    }
}
