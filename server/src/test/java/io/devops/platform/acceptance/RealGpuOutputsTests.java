package io.devops.platform.acceptance;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The health checks on what real machines printed (../shared/reference/gpu-outputs, see its
 * SOURCES.md): several driver generations of nvidia-smi -q, nvlink status with tabs or spaces, and
 * real kernel logs. Skipped, saying so, where that folder is not there.
 */
@DatabaseIndependent
class RealGpuOutputsTests {

    private static final NodeContext ANY = NodeContext.single(null, null);

    @Test
    void healthyRealQueryOutputsPassEccAndRowRemapOnEveryDriver() {
        List<Path> files = HealthFixtures.realOutputs("h100-sxm-8gpu-nvidia-smi-q-", "-nvidia-smi-q-590");
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            String text = HealthFixtures.text(file);

            assertThat(new EccCheck().judge(text, ANY)).as(file.toString()).extracting(CheckResult::verdict).isEqualTo(CheckVerdict.PASS);
            assertThat(new RowRemapCheck().judge(text, ANY)).as(file.toString()).extracting(CheckResult::verdict)
                    .isEqualTo(CheckVerdict.PASS);
        }
    }

    @Test
    void theRealPendingRowRemapFailsAndItsZeroEccCountersPass() {
        String a10 = HealthFixtures.text(HealthFixtures.realOutputs("a10-nvidia-smi-q-remapped-rows-pending").get(0));

        CheckResult remap = new RowRemapCheck().judge(a10, ANY);

        assertThat(remap.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(remap.message()).matches("GPU [0-9A-F:.]+: row remap pending: reset the GPU \\(4 rows remapped for uncorrectable.*");
        assertThat(new EccCheck().judge(a10, ANY).verdict()).isEqualTo(CheckVerdict.PASS);
    }

    @Test
    void aRealPageRetirementOnlyReportIsReadButNotEnoughToPass() {
        String azure = HealthFixtures.text(HealthFixtures.realOutputs("page-retirement-healthy").get(0));

        CheckResult alone = new EccCheck().judge(azure, ANY);
        CheckResult pending = new EccCheck().judge(azure.replaceFirst("Pending Page Blacklist( +): No", "Pending Page Blacklist$1: Yes"), ANY);

        assertThat(alone.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(alone.message()).startsWith("GPU 00000001:00:00.0: no ECC section");
        assertThat(pending.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(pending.message()).isEqualTo("GPU 00000001:00:00.0: retired page pending (Pending Page Blacklist): reset the GPU "
                + "(or reboot) to retire it");
    }

    @Test
    void realNvlinkStatusPassesWhenUpAndFailsWhenAllLinksAreInactive() {
        for (Path file : HealthFixtures.realOutputs("nvlink-s-590", "8gpu-nvidia-smi-nvlink-status", "nvlink-status-1gpu-healthy")) {
            CheckResult result = new NvlinkCheck().judge(HealthFixtures.text(file), ANY);

            assertThat(result.verdict()).as(file + ": " + result.message()).isEqualTo(CheckVerdict.PASS);
        }
        String inactive = HealthFixtures.text(HealthFixtures.realOutputs("nvlink-status-all-links-inactive").get(0));
        assertThat(new NvlinkCheck().judge(inactive, ANY).message()).startsWith("GPU 6: all NVLinks inactive");
    }

    @Test
    void realKernelLogsFailOnXid119AndWarnOnApplicationXids() {
        CheckResult gsp = new XidCheck().judge(HealthFixtures.text(HealthFixtures.realOutputs("xid-119").get(0)), ANY);
        CheckResult app = new XidCheck().judge(HealthFixtures.text(HealthFixtures.realOutputs("xid-13-43").get(0)), ANY);

        assertThat(gsp.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(gsp.message()).startsWith("Xid 119 on GPU 0000:9b:00 (5 times): GSP RPC timeout");
        assertThat(app.verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(app.message()).contains("Xid 13 on GPU 0000:38:00 (629 times)", "Xid 43 on GPU 0000:38:00 (7 times)");
    }

    @Test
    void theRealCsvCaptureGivesAPassingInventoryAndPcieLink() {
        List<String> lines = HealthFixtures.text(HealthFixtures.realOutputs("query-gpu-csv-allfields").get(0)).lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(", "));
        List<String> row = Arrays.asList(lines.get(1).split(", ", -1));

        CheckResult inventory = new GpuInventoryCheck().judge(pick(header, row, "index", "name", "serial", "uuid", "pci.bus_id",
                "persistence_mode", "driver_version"), NodeContext.single("H100", 1));
        CheckResult pcie = new PcieCheck().judge(pick(header, row, "index", "pci.bus_id", "pcie.link.gen.current", "pcie.link.gen.max",
                "pcie.link.width.current", "pcie.link.width.max", "utilization.gpu [%]"), NodeContext.single("H100", 1));

        assertThat(inventory.verdict()).as(inventory.message()).isEqualTo(CheckVerdict.PASS);
        assertThat(inventory.message()).startsWith("1 of 1 GPUs NVIDIA H100 80GB HBM3, driver 590.48.01");
        assertThat(pcie.verdict()).as(pcie.message()).isEqualTo(CheckVerdict.PASS);
    }

    /** The capture's row cut down to the fields the contract's command asks for, in its order. */
    private static String pick(List<String> header, List<String> row, String... fields) {
        return Arrays.stream(fields).map(field -> row.get(header.indexOf(field))).collect(Collectors.joining(", ")) + "\n";
    }
}
