package io.devops.platform.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.BaselineRef;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import io.devops.platform.lifecycle.NodeDelivered;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CertificateDocumentTests {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final KnownNode NODE = new KnownNode(7, "10.0.0.7", "gpu-07", "H100", 8, 3, "tenant-a", 2L, null);
    private static final NodeDelivered DELIVERED = new NodeDelivered(7, 2, 3, "tenant-a", AT, "admin", false, null);

    @Test
    void aCheckJudgedByABaselineCarriesItAndOneJudgedByItsLineKeepsItsEntryAsItWas() {
        NodeVerdict byBaseline = new NodeVerdict(7, "10.0.0.7", 11, null, CheckResult.measured("nccl_all_reduce", CheckVerdict.PASS,
                475.0, 456.0, "GB/s", "475.00 GB/s is 1.04 % below the baseline of 480.00 GB/s"), AT, "ab", null, new BaselineRef(5, 480.0, 8));
        NodeVerdict byLine = new NodeVerdict(7, "10.0.0.7", 11, null, CheckResult.measured("ib_write_bw", CheckVerdict.PASS,
                390.0, 360.0, "Gb/s", "8 HCA(s); worst mlx5_0 at 390.00 Gb/s reaches 360.00 Gb/s"), AT, "cd", null);

        String json = CertificateDocument.json(NODE, null, DELIVERED, List.of(byBaseline, byLine), "fp");

        JsonNode checks = JsonMapper.builder().build().readTree(json).get("checks");
        assertThat(checks.get(0).get("check").asString()).isEqualTo("ib_write_bw");
        assertThat(checks.get(0).has("baseline")).isFalse();
        assertThat(checks.get(1).get("baseline").toString()).isEqualTo("{\"id\":5,\"samples\":8,\"value\":480.0}");
        assertThat(CertificateDocument.json(NODE, null, DELIVERED, List.of(byLine, byBaseline), "fp")).as("deterministic").isEqualTo(json);
    }
}
