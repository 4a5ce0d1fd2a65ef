package io.devops.platform.acceptance;

import static io.devops.platform.acceptance.PerfFixtures.node;
import static io.devops.platform.acceptance.PerfFixtures.output;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbWriteBwCheckTests {

    private final IbWriteBwCheck check = new IbWriteBwCheck(PerfFixtures.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"h100-8-healthy", "h200-8-healthy", "a100-8-healthy"})
    void aHealthyNodeOfEachModelPasses(String profile) {
        CheckResult result = check.judge(output(profile, "ib_write_bw"), node(profile));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.unit()).isEqualTo("Gb/s");
        assertThat(result.message()).startsWith("8 HCA(s); worst mlx5_");
    }

    @Test
    void theWorstHcaBelowTheLineFailsAndIsNamed() {
        String slow = slowHca(output("h100-8-healthy", "ib_write_bw"), "mlx5_4", "211.37");

        CheckResult result = check.judge(slow, node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.measured()).isEqualTo(211.37);
        assertThat(result.message()).isEqualTo("8 HCA(s); worst mlx5_4 at 211.37 Gb/s is below 380.00 Gb/s (H100)");
    }

    @Test
    void withoutALineItIsAnErrorThatStillCarriesTheWorstFigure() {
        IbWriteBwCheck noLines = new IbWriteBwCheck(() -> PerfFixtures.book(java.util.List.of()));

        CheckResult result = noLines.judge(output("h100-8-healthy", "ib_write_bw"), node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(result.reason()).isEqualTo(FailureReason.COULD_NOT_RUN);
        assertThat(result.measured()).isNotNull();
        assertThat(result.threshold()).isNull();
        assertThat(result.message()).startsWith("no line for bw_avg_gbits of ").contains("(measured worst mlx5_");
    }

    @Test
    void anHcaWithoutAResultFailsNamingWhatItSaid() {
        String full = output("h100-8-healthy", "ib_write_bw");
        int start = full.indexOf("== mlx5_6 ==");
        int end = full.indexOf("== mlx5_7 ==");
        String broken = full.substring(0, start) + "== mlx5_6 ==\n Couldn't connect to localhost:18515\nUnable to open file descriptor for socket"
                + " connection Unable to init the socket connection\n" + full.substring(end);

        CheckResult result = check.judge(broken, node("h100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("mlx5_6 has no result ('Unable to open file descriptor for socket connection Unable to"
                + " init the socket connection')");
    }

    @Test
    void aLoopbackWithoutGpuMemoryDoesNotTestGpuDirect() {
        String full = output("a100-8-healthy", "ib_write_bw");
        String block = full.substring(full.indexOf("== mlx5_7 =="));
        String hostMemory = "== mlx5_7 ==\n" + block.substring(block.indexOf("---------------"))
                .replaceAll("(?m)^(deallocating GPU buffer|destroying current CUDA Ctx|initializing CUDA|Listing all CUDA|CUDA device|"
                        + "Picking device|\\[pid|creating CUDA|making it|cuMemAlloc|allocated GPU).*\\n", "");

        CheckResult result = check.judge(hostMemory, node("a100-8-healthy"));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).contains("mlx5_7 ran without GPU memory");
    }

    @Test
    void noHcaBlocksEmptyOutputOrAMissingToolIsAnError() {
        assertThat(check.judge("", node("h100-8-healthy")).message()).isEqualTo("ib_write_bw printed nothing");
        assertThat(check.judge("No IB devices found\n", node("h100-8-healthy")).verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(check.judge(PerfFixtures.missing("ib_write_bw", "perftest"), node("h100-8-healthy")).message())
                .isEqualTo("ib_write_bw not found on the node: install perftest");
    }

    @Test
    void megabytesInsteadOfGigabitsIsAnError() {
        String mb = output("h100-8-healthy", "ib_write_bw").replace("BW peak[Gb/sec]    BW average[Gb/sec]", "BW peak[MB/sec]    BW average[MB/sec]");

        assertThat(check.judge(mb, node("h100-8-healthy")).message()).isEqualTo("mlx5_0 reports bandwidth in MB/sec: run ib_write_bw"
                + " with --report_gbits");
    }

    /** Every result row of one HCA's block (server and client) at the given average. */
    private static String slowHca(String output, String hca, String average) {
        int start = output.indexOf("== " + hca + " ==");
        int end = output.indexOf("== ", start + 5);
        String block = output.substring(start, end < 0 ? output.length() : end)
                .replaceAll("(?m)^ 65536      5000 .*$", " 65536      5000           " + average + "             " + average + "              0.403170");
        return output.substring(0, start) + block + (end < 0 ? "" : output.substring(end));
    }
}
