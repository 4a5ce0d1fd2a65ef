package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NvidiaSmiTests {

    private static final String QUERY = """
            0, NVIDIA H100 80GB HBM3, GPU-6f1c4a0e-8a43-3b1a-b9b6-2a4d1e2f0c01, 81559, 550.54.15, 00000000:18:00.0
            1, NVIDIA H100 80GB HBM3, GPU-0b7c2d11-4e5f-9a8b-1c2d-3e4f5a6b7c02, 81559, 550.54.15, 00000000:2A:00.0
            """;
    private static final String BANNER = """
            +-----------------------------------------------------------------------------------------+
            | NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |
            """;

    @Test
    void readsModelCountDriverAndCudaVersion() {
        var gpu = NvidiaSmi.parse(new ObjectMapper(), QUERY, BANNER);

        assertThat(gpu.get("model").asText()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(gpu.get("count").asInt()).isEqualTo(2);
        assertThat(gpu.get("driverVersion").asText()).isEqualTo("550.54.15");
        assertThat(gpu.get("cudaVersion").asText()).isEqualTo("12.4");
        assertThat(gpu.get("devices").get(1).get("busId").asText()).isEqualTo("00000000:2A:00.0");
    }

    @Test
    void noOutputMeansNoGpu() {
        var gpu = NvidiaSmi.parse(new ObjectMapper(), "", "");

        assertThat(gpu.get("present").asBoolean()).isFalse();
        assertThat(gpu.get("summary").asText()).isEqualTo("no NVIDIA GPU");
    }
}
