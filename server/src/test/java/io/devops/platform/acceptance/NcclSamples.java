package io.devops.platform.acceptance;

import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Real all_reduce_perf outputs: the fake binary's replay (run for real), its slow fixture, and the
 * samples under test resources nccl-samples/ (from the shared reference, gpu-acceptance.md section 2,
 * and the older layout with an error column and mpirun rank prefixes).
 */
final class NcclSamples {

    private NcclSamples() {
    }

    /** fake-bin/all_reduce_perf as the built-in script calls it: one 8 x H100 SXM node at ~479 GB/s. */
    static String goodH100() {
        return fake("");
    }

    /** The same node without NVLink SHARP: ~371 GB/s at 8 GiB. */
    static String slowH100() {
        return fake("slow");
    }

    static String resource(String name) {
        try (InputStream in = NcclSamples.class.getResourceAsStream("/nccl-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report as content/scripts/single_nccl_test.sh writes it around the output. */
    static String report(String gpus, String output) {
        return """
                # Single-node NCCL test (qwkj)

                | | |
                | --- | --- |
                | Host | gpu-node-07 |
                | GPUs | %s |
                | Command | `all_reduce_perf -b 8 -e 8G -f 2 -g 8` |
                | Result | PASSED |

                ## all_reduce_perf output

                ```text
                %s```
                """.formatted(gpus, output);
    }

    private static String fake(String sample) {
        try {
            Path binary = TestNodes.fakeBin().resolve("all_reduce_perf");
            ProcessBuilder builder = new ProcessBuilder("sh", binary.toString(), "-b", "8", "-e", "8G", "-f", "2", "-g", "8");
            builder.environment().put("FAKE_NCCL_SAMPLE", sample);
            Process process = builder.redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("fake all_reduce_perf failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
