package io.devops.platform.acceptance;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The performance checks on outputs real machines printed (shared reference gpu-outputs/, not copied
 * into the project). Skipped, saying so, where that folder is not present.
 */
@DatabaseIndependent
class PerfChecksOnRealOutputsTests {

    private static final Path REAL = Path.of("/work/shared/reference/gpu-outputs");

    @BeforeEach
    void needsTheReferenceOutputs() {
        assumeTrue(Files.isDirectory(REAL), "no " + REAL + " here: the checks are tested on the project's own fixtures only");
    }

    @Test
    void twoNodesOf8H100AreJudgedByTheTwoNodeLine() throws IOException {
        CheckResult result = new NcclAllReduceMultiCheck(PerfFixtures.defaults())
                .judge(read("nccl-allreduce-2node-16xh100-a3mega-8-to-8G.txt"), new NodeContext("H100", 8, 2));

        assertThat(result.measured()).isEqualTo(338.82);
        assertThat(result.threshold()).as("the 2-node line, not the single-node 460").isEqualTo(340.0);
        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("338.82 GB/s busbw at 8 GiB on 16 x NVIDIA H100 80GB HBM3 is below the line of 340.00 GB/s");
    }

    @Test
    void anH200NodeLaunchedByMpirunPassesTheSingleNodeLine() throws IOException {
        CheckResult result = new NcclAllReduceCheck(PerfFixtures.defaults())
                .judge(read("nccl-allreduce-8xh200-single-node-8G-only-mpirun.txt"), NodeContext.single("H200", 8));

        assertThat(result.verdict()).as(result.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(result.measured()).isEqualTo(476.96);
        assertThat(result.threshold()).isEqualTo(440.0);
    }

    @Test
    void theSameSingleNodeRunIsNotATwoNodeResult() throws IOException {
        CheckResult result = new NcclAllReduceMultiCheck(PerfFixtures.defaults())
                .judge(read("nccl-allreduce-8xh200-single-node-8G-only-mpirun.txt"), new NodeContext("H200", 8, 2));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("all_reduce_perf ran on 1 host(s) [test-h200-deb], not on the 2 nodes of the test");
    }

    @Test
    void aDcgmPersistenceModeFailureNamesTheTestTheGpusAndDcgmsWords() throws IOException {
        CheckResult result = new DcgmDiagCheck().judge(read("dcgmi-diag-r1-8xh200-persistence-mode-fail-dcgm-3.1.8.txt"),
                NodeContext.single("H200", 8));

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).startsWith("DCGM diagnostic failed: Persistence Mode on GPU 0, 1, 2, 3, 4, 5: Persistence mode for"
                + " GPU 0 is currently disabled. The DCGM diagnostic requires peristence mode to be enabled. Enable persistence mode by"
                + " running \"nvidia-smi -i <gpuId> -pm 1 \" as root.");
    }

    private static String read(String name) throws IOException {
        return Files.readString(REAL.resolve(name));
    }
}
