package io.devops.platform.content;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The torch test of content/scripts: torch_allreduce.py's checks of its result (its Python unit tests,
 * torch replaced by stand-ins: torch is not installed here), and single_torch_test.sh, which keeps its
 * Markdown report and writes torchrun's output where the platform judges it
 * ({@code acceptance/torch_all_reduce.txt}), with a fake torchrun replaying the script's output.
 */
@DatabaseIndependent
class TorchAllReduceScriptTests {

    static final Path SCRIPTS = Path.of("..", "content", "scripts").toAbsolutePath().normalize();
    static final Path FAKE_BIN = Path.of("src", "test", "resources", "fake-bin").toAbsolutePath();
    static final String CORRECT = """
            world size: 8 (1 node(s))
            result check: correct, max abs error 0.0 against the exact sum 36.0
            all_reduce 1073741824 bytes busbw: 452.61 GB/s
            bf16 matmul 8192x8192: 712.4 TFLOPS on rank 0, 698.9 TFLOPS slowest rank
            {"check":"torch_all_reduce","world_size":8,"nodes":1,"result_ok":true,"max_abs_error":0.0,"size_bytes":1073741824,\
            "busbw_gbps":452.61,"gpu_model":"NVIDIA H100 80GB HBM3"}
            """;

    @TempDir
    Path work;

    @Test
    void theScriptChecksItsResultTensorAndPrintsTheContractLine() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");

        Result unit = run(Path.of("src", "test", "resources", "torch-test").toAbsolutePath(),
                Map.of("TORCH_ALLREDUCE", SCRIPTS.resolve("torch_allreduce.py").toString()), "python3", "-m", "unittest", "-v",
                "test_torch_allreduce");

        assertThat(unit.status()).as(unit.output()).isZero();
        assertThat(unit.output()).contains("OK").doesNotContain("skipped");
    }

    @Test
    void aCorrectRunKeepsTheMarkdownReportAndWritesTheAcceptanceReport() throws IOException {
        fakeTorchrun(CORRECT, 0);

        Result result = singleTorchTest();

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(Files.readString(work.resolve("acceptance/torch_all_reduce.txt"))).isEqualTo(CORRECT);
        assertThat(Files.readString(work.resolve("single-torch-test-acme.md"))).contains("| All-reduce bus bandwidth | 452.61 GB/s |")
                .contains("| Result | PASSED |").contains("## torchrun output");
    }

    @Test
    void aWrongResultFailsTheScriptAndEndsTheAcceptanceReportWithTheExitStatus() throws IOException {
        String wrong = CORRECT.replace("result check: correct, max abs error 0.0", "result check: WRONG, max abs error 2.0")
                .replace("\"result_ok\":true,\"max_abs_error\":0.0", "\"result_ok\":false,\"max_abs_error\":2.0");
        fakeTorchrun(wrong, 1);

        Result result = singleTorchTest();

        assertThat(result.status()).isNotZero();
        assertThat(Files.readString(work.resolve("acceptance/torch_all_reduce.txt"))).isEqualTo(wrong + "devops-acceptance: exit status 1\n");
        assertThat(Files.readString(work.resolve("single-torch-test-acme.md")))
                .contains("| Result | FAILED: the all-reduce result is wrong (max abs error 2.0 against the exact sum 36.0) |");
    }

    @Test
    void withoutTorchrunTheAcceptanceReportSaysWhatToInstallAndAnOldOneIsGone() throws IOException {
        Files.createDirectories(work.resolve("acceptance"));
        Files.writeString(work.resolve("acceptance/torch_all_reduce.txt"), CORRECT);

        Result result = run(work, Map.of("PATH", bin() + ":/usr/bin:/bin"), "bash", SCRIPTS.resolve("single_torch_test.sh").toString(),
                "acme");

        assertThat(result.status()).as(result.output()).isEqualTo(127);
        assertThat(Files.readString(work.resolve("acceptance/torch_all_reduce.txt")))
                .isEqualTo("devops-acceptance: missing tool torchrun (install PyTorch with CUDA)\n");
    }

    private Result singleTorchTest() throws IOException {
        return run(work, Map.of("PATH", work.resolve("torch-bin") + ":" + bin() + ":/usr/bin:/bin"), "bash",
                SCRIPTS.resolve("single_torch_test.sh").toString(), "acme");
    }

    /** Only the fake nvidia-smi (8 x H100): fake-bin's own torchrun is left out. */
    private Path bin() throws IOException {
        Path bin = work.resolve("gpu-bin");
        if (!Files.exists(bin)) {
            Files.createDirectories(bin);
            executable(bin.resolve("nvidia-smi"), "#!/bin/sh\nexec '" + FAKE_BIN.resolve("nvidia-smi") + "' \"$@\"\n");
        }
        return bin;
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void fakeTorchrun(String output, int status) throws IOException {
        Path bin = Files.createDirectories(work.resolve("torch-bin"));
        Files.writeString(work.resolve("torchrun.out"), output);
        executable(bin.resolve("torchrun"), "#!/bin/sh\ncase \"$*\" in *torch_allreduce.py) ;; *) echo \"unexpected: $*\" >&2; exit 6 ;; esac\n"
                + "cat '" + work.resolve("torchrun.out") + "'\nexit " + status + "\n");
    }

    private record Result(int status, String output) {
    }

    private Result run(Path dir, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("REPORT_DIR", work.toString());
        builder.environment().put("FAKE_GPU_STATE", work.resolve("gpu-state").toString());
        builder.environment().remove("NCCL_TESTS_DIR");
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
