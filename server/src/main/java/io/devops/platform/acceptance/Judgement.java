package io.devops.platform.acceptance;

import java.util.List;

/**
 * The verdict on one NCCL report. {@code reason} says in words why (the figures, or what was
 * missing). The figures are null when they could not be read: {@code busBwGbps} is the out-of-place
 * busbw at {@code largestSizeBytes}, {@code thresholdGbps} the pass line of rule {@code rule} that
 * matched the GPUs; {@code series} has every size, for a chart.
 */
public record Judgement(Verdict verdict, String reason, String gpuModel, Integer gpuCount, String rule, Double thresholdGbps,
                        Double busBwGbps, Long largestSizeBytes, Double avgBusBwGbps, Long wrongValues,
                        List<BandwidthPoint> series) {

    static Judgement unknown(String reason, NcclReport.Gpus gpus) {
        return new Judgement(Verdict.UNKNOWN, reason, gpus == null ? null : gpus.model(), gpus == null ? null : gpus.count(),
                null, null, null, null, null, null, List.of());
    }
}
