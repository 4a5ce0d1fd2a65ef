package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.agent.HealthFinding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvlinkStatusTests {

    @Test
    void realHealthyStatusesIndentedWithTabsOrSpacesHaveNoFindingAndShowNvlink() {
        for (String file : List.of("a100-sxm4-80gb-8gpu-nvidia-smi-nvlink-status.txt", "a100-sxm4-80gb-nvidia-smi-nvlink-status-1gpu-healthy.txt",
                "h100-1gpu-vm-nvidia-smi-nvlink-s-590.48.01.txt", "h200-1gpu-vm-nvidia-smi-nvlink-s-590.48.01.txt")) {
            String output = RealOutputs.text(file);
            assertThat(NvlinkStatus.findings(output, true)).as(file).isEmpty();
            assertThat(NvlinkStatus.anyActive(output)).as(file).isTrue();
        }
    }

    @Test
    void aRealAllLinksInactiveGpuIsCriticalOnANodeWithNvlink() {
        String output = RealOutputs.text("a100-sxm4-80gb-nvidia-smi-nvlink-status-all-links-inactive.txt");

        assertThat(NvlinkStatus.findings(output, true)).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("nvlink|NVLINK_ALL_INACTIVE|GPU 6");
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.evidence()).contains("all links are inactive");
        });
        assertThat(NvlinkStatus.anyActive(output)).isFalse();
    }

    @Test
    void allLinksInactiveOnANodeWithoutNvlinkIsNoFinding() {
        String output = RealOutputs.text("a100-sxm4-80gb-nvidia-smi-nvlink-status-all-links-inactive.txt");

        assertThat(NvlinkStatus.findings(output, false)).isEmpty();
    }

    @Test
    void someInactiveLinksAreOneWarningPerGpu() {
        String output = "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1)\n\t Link 0: 26.562 GB/s\n\t Link 1: <inactive>\n\t Link 2: <inactive>\n"
                + "GPU 1: NVIDIA H100 80GB HBM3 (UUID: GPU-2)\n\t Link 0: 26.562 GB/s\n";

        assertThat(NvlinkStatus.findings(output, true)).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("nvlink|NVLINK_INACTIVE|GPU 0");
            assertThat(finding.message()).isEqualTo("GPU 0: NVLink links 1, 2 inactive");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        });
    }
}
