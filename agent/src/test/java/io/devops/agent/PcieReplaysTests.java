package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PcieReplaysTests {

    @Test
    void readsTheReplayCounterOfEveryGpuFromRealQueryOutputsOfTwoDriverGenerations() {
        Map<String, Long> eight = PcieReplays.parse(RealOutputs.text("h100-sxm-8gpu-nvidia-smi-q-535.183.01.txt"));
        Map<String, Long> one = PcieReplays.parse(RealOutputs.text("h100-sxm-1gpu-vm-nvidia-smi-q-590.48.01-masked.txt"));

        assertThat(eight).hasSize(8).containsEntry("0000:53:00", 120L).containsEntry("0000:75:00", 58L);
        assertThat(one).containsExactly(Map.entry("0000:00:09", 9L));
    }

    @Test
    void aHighCountIsNoFindingButGrowthBetweenPollsIs() {
        PcieReplays replays = new PcieReplays();
        String before = "GPU 00000000:18:00.0\n    PCI\n        Replays Since Reset               : 120\n";
        String after = "GPU 00000000:18:00.0\n    PCI\n        Replays Since Reset               : 127\n";

        assertThat(replays.findings(before)).isEmpty();
        assertThat(replays.findings(after)).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("gpu|PCIE_REPLAYS|0000:18:00");
            assertThat(finding.kind()).isEqualTo(HealthFinding.Kind.OCCURRENCE);
            assertThat(finding.evidence()).isEqualTo("Replays Since Reset: 120 -> 127");
        });
        assertThat(replays.findings(after)).isEmpty();
    }
}
