package io.devops.platform.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What the performance checks' tests share: the recorded outputs under
 * {@code acceptance-outputs/<profile>/<check>.txt} (the files the fakes replay) and a fixed book of
 * lines with the published defaults (the same figures V24 seeds; AcceptanceLinesApiTests checks the
 * seeded ones judge the same files alike).
 */
final class PerfFixtures {

    static final List<String> HEALTHY = List.of("h100-8-healthy", "h200-8-healthy", "a100-8-healthy");
    static final String MISSING_PREFIX = "devops-acceptance: missing tool ";

    private PerfFixtures() {
    }

    static String output(String profile, String check) {
        String path = "/acceptance-outputs/" + profile + "/" + check + ".txt";
        try (InputStream in = PerfFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The inventory's view of a healthy profile's node: "H100", "H200", "A100" and 8 GPUs. */
    static NodeContext node(String profile) {
        return NodeContext.single(profile.substring(0, 4).toUpperCase(), 8);
    }

    static CurrentLines defaults() {
        return () -> book(List.of(
                line("nccl_all_reduce", "busbw_gbps", "H100", 8, 1, null, 460),
                line("nccl_all_reduce", "busbw_gbps", "H200", 8, 1, null, 440),
                line("nccl_all_reduce", "busbw_gbps", "A100", 8, 1, null, 228),
                line("nccl_all_reduce_multi", "busbw_gbps", "H100", 8, 2, "IB", 340),
                line("nccl_all_reduce_multi", "busbw_gbps", "H200", 8, 2, "IB", 340),
                line("nccl_all_reduce_multi", "busbw_gbps", "A100", 8, 2, "IB", 170),
                line("nvbandwidth", "host_device_gbps", "H100", null, 1, null, 48),
                line("nvbandwidth", "host_device_gbps", "H200", null, 1, null, 48),
                line("nvbandwidth", "host_device_gbps", "A100", null, 1, null, 21),
                line("nvbandwidth", "device_device_gbps", "H100", null, 1, null, 335),
                line("nvbandwidth", "device_device_gbps", "H200", null, 1, null, 335),
                line("nvbandwidth", "device_device_gbps", "A100", null, 1, null, 250),
                line("ib_write_bw", "bw_avg_gbits", "H100", null, 1, null, 380),
                line("ib_write_bw", "bw_avg_gbits", "H200", null, 1, null, 380),
                line("ib_write_bw", "bw_avg_gbits", "A100", null, 1, null, 185),
                line("torch_all_reduce", "busbw_gbps", "H100", 8, 1, null, 391),
                line("torch_all_reduce", "busbw_gbps", "H200", 8, 1, null, 374),
                line("torch_all_reduce", "busbw_gbps", "A100", 8, 1, null, 193)));
    }

    static LineBook book(List<AcceptanceLine> lines) {
        return new LineBook(1, Instant.parse("2026-01-01T00:00:00Z"), "system", "test defaults", lines);
    }

    static AcceptanceLine line(String check, String metric, String model, Integer gpus, int nodes, String fabric, double min) {
        return new AcceptanceLine(check, metric, model, gpus, nodes, fabric, min, metric.endsWith("gbits") ? "Gb/s" : "GB/s", "test");
    }

    static String missing(String tool, String hint) {
        return MISSING_PREFIX + tool + " (install " + hint + ")\n";
    }
}
