package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NcclJudgeTests {

    private static final ThresholdRule H100 = new ThresholdRule(1, "8 x H100 SXM", "H100 HBM3", 8, 460, 1L << 30, null);
    private static final ThresholdRule A100 = new ThresholdRule(2, "8 x A100 SXM", "A100 SXM4", 8, 228, 1L << 30, null);
    private static final List<ThresholdRule> DEFAULTS = List.of(H100, A100);

    @Test
    void aGoodH100NodePassesWithItsFigureAndThePassLine() {
        Judgement judgement = judge(NcclSamples.report("8 x NVIDIA H100 80GB HBM3", NcclSamples.goodH100()));

        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
        assertThat(judgement.reason()).isEqualTo("478.85 GB/s busbw at 8 GiB reaches 460.00 GB/s (8 x H100 SXM)");
        assertThat(judgement.gpuModel()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(judgement.gpuCount()).isEqualTo(8);
        assertThat(judgement.rule()).isEqualTo("8 x H100 SXM");
        assertThat(judgement.thresholdGbps()).isEqualTo(460.0);
        assertThat(judgement.busBwGbps()).isEqualTo(478.85);
        assertThat(judgement.largestSizeBytes()).isEqualTo(8_589_934_592L);
        assertThat(judgement.avgBusBwGbps()).isEqualTo(175.325);
        assertThat(judgement.series()).hasSize(31);
    }

    @Test
    void aSlowH100NodeFails() {
        Judgement judgement = judge(NcclSamples.report("8 x NVIDIA H100 80GB HBM3", NcclSamples.slowH100()));

        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.reason()).isEqualTo("371.11 GB/s busbw at 8 GiB is below 460.00 GB/s (8 x H100 SXM)");
    }

    @Test
    void withoutAGpusRowTheDeviceLinesOfTheOlderFormatNameTheGpus() {
        Judgement judgement = judge(NcclSamples.resource("older-a100-rank-prefixed.txt") + "\nall_reduce_perf\n");

        assertThat(judgement.gpuModel()).isEqualTo("NVIDIA A100-SXM4-80GB");
        assertThat(judgement.gpuCount()).isEqualTo(8);
        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.reason()).isEqualTo("227.77 GB/s busbw at 8 GiB is below 228.00 GB/s (8 x A100 SXM)");
    }

    @Test
    void aModelWithoutAThresholdIsUnknownButKeepsItsFigures() {
        Judgement judgement = judge(NcclSamples.report("8 x NVIDIA H100 PCIe", NcclSamples.goodH100()));

        assertThat(judgement.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(judgement.reason()).isEqualTo("no acceptance threshold matches 8 x NVIDIA H100 PCIe: add one");
        assertThat(judgement.busBwGbps()).isEqualTo(478.85);
        assertThat(judgement.thresholdGbps()).isNull();
    }

    @Test
    void aSweepThatStopsTooEarlyIsUnknown() {
        String output = NcclSamples.goodH100().lines().filter(line -> !line.matches("\\s+\\d{10}\\s.*"))
                .reduce("", (a, b) -> a + b + "\n");

        Judgement judgement = judge(NcclSamples.report("8 x NVIDIA H100 80GB HBM3", output));

        assertThat(judgement.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(judgement.reason()).startsWith("the sweep stops at 512 MiB; threshold 8 x H100 SXM needs sizes up to at least 1 GiB");
    }

    @Test
    void wrongValuesFailEvenAboveThePassLine() {
        String output = NcclSamples.goodH100().replace("478.85       0", "478.85       5");

        Judgement judgement = judge(NcclSamples.report("8 x NVIDIA H100 80GB HBM3", output));

        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.reason()).startsWith("all_reduce_perf found wrong results (5 wrong values)");
    }

    @Test
    void truncatedOutputIsUnknownWithWhy() {
        String output = NcclSamples.goodH100();
        Judgement judgement = judge(NcclSamples.report("8 x NVIDIA H100 80GB HBM3", output.substring(0, output.length() / 2)));

        assertThat(judgement.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(judgement.reason()).startsWith("not parsed: ");
        assertThat(judgement.gpuModel()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(judgement.series()).isEmpty();
    }

    @Test
    void reportsWithoutNcclOutputAreNotJudgedUnlessAnNcclReportWasTooLargeToStore() {
        assertThat(NcclJudge.judge("/tmp/host_info.md", "# Host\n| GPUs | 8 x H100 |", DEFAULTS)).isEmpty();
        assertThat(NcclJudge.judge("/tmp/host_info.md", null, DEFAULTS)).isEmpty();
        assertThat(NcclJudge.judge("/tmp/single-nccl-test-qwkj.md", null, DEFAULTS)).get()
                .extracting(Judgement::verdict).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void thresholdsMatchWordsOfTheModelAndTheMostSpecificWins() {
        var anyH100 = new ThresholdRule(3, "any H100", "h100", null, 300, 0, null);
        List<ThresholdRule> rules = List.of(anyH100, H100, A100);

        assertThat(ThresholdSettings.best(rules, "NVIDIA H100 80GB HBM3", 8)).contains(H100);
        assertThat(ThresholdSettings.best(rules, "NVIDIA H100 80GB HBM3", 4)).contains(anyH100);
        assertThat(ThresholdSettings.best(rules, "NVIDIA H100 PCIe", 8)).contains(anyH100);
        assertThat(ThresholdSettings.best(rules, "NVIDIA A100-SXM4-80GB", 8)).contains(A100);
        assertThat(ThresholdSettings.best(rules, "NVIDIA A100 80GB PCIe", 8)).isEmpty();
        assertThat(ThresholdSettings.best(rules, "NVIDIA H1000", 8)).isEmpty();
    }

    private static Judgement judge(String content) {
        return NcclJudge.judge("/tmp/single-nccl-test-qwkj.md", content, DEFAULTS).orElseThrow();
    }
}
