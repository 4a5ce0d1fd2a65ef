package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.agent.HealthFinding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuHealthTests {

    private static final String HEADER = String.join(", ", GpuHealth.FIELDS);

    @Test
    void aRealAllFieldsCsvWithUnitsAndNotAvailableValuesHasNoFinding() {
        List<GpuHealth.Gpu> gpus = GpuHealth.parse(RealOutputs.text("h100-sxm-1gpu-vm-nvidia-smi-query-gpu-csv-allfields-590.48.01-masked.txt"));

        assertThat(gpus).hasSize(1);
        assertThat(gpus.get(0).bus()).isEqualTo("0000:00:09");
        assertThat(gpus.get(0).get("remapped_rows.pending")).isEqualTo("No");
        assertThat(gpus.get(0).get("retired_pages.double_bit.count")).isNull();
        assertThat(GpuHealth.findings(gpus)).isEmpty();
    }

    @Test
    void eachFaultIsAConditionOfItsGpu() {
        String csv = HEADER + "\n"
                + "0, 00000000:18:00.0, 2, 5, 0, No, Yes, No, 16, 16, Not Active, Not Active, Not Active\n"
                + "1, 00000000:2A:00.0, 0, 0, [N/A], [N/A], No, Yes, 8, 16, Active, Not Active, Active\n"
                + "2, 00000000:3A:00.0, 0, 0, 0, No, No, No, 16, 16, Not Active, Not Active, Not Active\n";

        List<HealthFinding> findings = GpuHealth.findings(GpuHealth.parse(csv));

        assertThat(findings).extracting(HealthFinding::key).containsExactly(
                "gpu|ECC_UNCORRECTED_VOLATILE|0000:18:00", "gpu|ECC_UNCORRECTED_AGGREGATE|0000:18:00",
                "gpu|ROW_REMAP_PENDING|0000:18:00", "gpu|ROW_REMAP_FAILED|0000:2a:00", "gpu|PCIE_WIDTH_DEGRADED|0000:2a:00",
                "gpu|HW_SLOWDOWN|0000:2a:00");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(findings.get(0).evidence()).startsWith("0, 00000000:18:00.0, 2, 5");
        assertThat(findings.get(4).message()).contains("x8 below its maximum x16");
        assertThat(findings.get(5).message()).contains("hw_slowdown, hw_power_brake_slowdown");
    }

    @Test
    void fewerGpusThanExpectedIsCriticalAndSaysWhereTheNumberCameFrom() {
        List<HealthFinding> missing = GpuHealth.count(7, 8, "the node's spec", "nvidia-smi listed 7 GPUs");

        assertThat(missing).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("gpu|GPU_MISSING|node");
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.message()).isEqualTo("nvidia-smi shows 7 GPUs, 8 expected (the node's spec)");
        });
        assertThat(GpuHealth.count(8, 8, "spec", "")).isEmpty();
    }
}
