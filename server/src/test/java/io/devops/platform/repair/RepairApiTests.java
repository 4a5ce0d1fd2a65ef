package io.devops.platform.repair;

import static io.devops.platform.health.RepairAction.DRAIN;
import static io.devops.platform.health.RepairAction.RMA;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.health.HealthFixtures;
import io.devops.platform.support.Api;
import io.devops.platform.support.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The repair calls and the RMA record, with nodes enrolled by the agent protocol (no commands run on them). */
class RepairApiTests extends RepairTest {

    private static final String FACTS = """
            {"hostname":"gpu-a","system":{"boardSerial":"BRD-7731"},"gpu":{"devices":[
             {"index":0,"name":"NVIDIA H100 80GB HBM3","uuid":"GPU-6f1c","busId":"00000000:3A:00.0","serial":"1650923000001"},
             {"index":1,"name":"NVIDIA H100 80GB HBM3","uuid":"GPU-0b7c","busId":"00000000:5D:00.0"}]}}""";
    private static final String XID_79_EVENT = """
            {"component":"xid","code":"79","subject":"0000:3a:00","severity":"CRITICAL","message":"Xid 79 on GPU 0000:3a:00",
             "evidence":"NVRM: Xid (PCI:0000:3a:00): 79, pid=4242, name=python, GPU has fallen off the bus.",
             "firstSeen":"2026-12-07T10:00:01Z","lastSeen":"2026-12-07T10:00:01Z","count":1,"open":true}""";

    @Test
    void aChainOfOnlyRmaSendsTheNodeToRmaWithItsRecordInJsonAndMarkdown() throws Exception {
        HealthFixtures.Tenant tenant = fixtures.health.tenant();
        RepairFixtures.Agent agent = fixtures.agent(tenant.pool(), uniqueIp(), FACTS);
        long node = agent.nodeId();
        assertThat(agent.api().post("/api/v1/agent/health-events", "{\"events\":[" + XID_79_EVENT + "]}").status()).isEqualTo(200);
        fixtures.maintenance(node);
        assertThat(states.enterRepair(node, RepairFixtures.POLICY, "Xid 79")).contains("MAINTENANCE");

        events.publishEvent(RepairFixtures.xid79(node, null, List.of(DRAIN, RMA), 0));

        Eventually.within(Duration.ofSeconds(20), "node " + node + " in RMA", () -> "RMA".equals(state(node)) ? true : null);
        JsonNode record = fixtures.rma(node);
        assertThat(record.get("state").asString()).isEqualTo("RMA");
        assertThat(record.get("boardSerial").asString()).isEqualTo("BRD-7731");
        assertThat(record.get("productSerial").asString()).isEqualTo("unknown");
        assertThat(record.get("gpus").get(0).get("serial").asString()).isEqualTo("1650923000001");
        assertThat(record.get("gpus").get(1).get("serial").asString()).isEqualTo("unknown");
        assertThat(record.get("evidence").get(0).get("evidence").asString()).contains("Xid (PCI:0000:3a:00): 79");
        JsonNode repair = record.get("repairs").get(0);
        assertThat(repair.get("action").asString()).isEqualTo("RMA");
        assertThat(repair.get("result").asString()).isEqualTo("SUCCEEDED");
        assertThat(repair.get("actor").asString()).isEqualTo(RepairFixtures.POLICY);
        assertThat(lastMove(record)).isEqualTo("REPAIR->RMA by " + RepairFixtures.POLICY);

        Api.Response markdown = admin().header("Accept", "text/markdown").get("/api/v1/nodes/" + node + "/rma");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.body()).contains("| Board serial | BRD-7731 |", "| Product serial | unknown |",
                "| 0 | 00000000:3A:00.0 | GPU-6f1c | NVIDIA H100 80GB HBM3 | 1650923000001 |",
                "| 1 | 00000000:5D:00.0 | GPU-0b7c | NVIDIA H100 80GB HBM3 | unknown |",
                "GPU has fallen off the bus.", "| RMA | " + RepairFixtures.POLICY + " |");
    }

    @Test
    void aNodeReturnsOnlyFromRepairAndIsRepairedOnlyWhenItCanBeDrained() {
        HealthFixtures.Tenant tenant = fixtures.health.tenant();
        long node = fixtures.agent(tenant.pool(), uniqueIp(), "{\"hostname\":\"gpu-b\"}").nodeId();

        Api.Response delivered = admin().post("/api/v1/nodes/" + node + "/repair", "{\"action\":\"REBOOT\",\"reason\":\"flaky\"}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(409);
        assertThat(delivered.json().get("from").asString()).isEqualTo("DELIVERED");
        fixtures.maintenance(node);
        Api.Response notInRepair = admin().post("/api/v1/nodes/" + node + "/return", "{\"reason\":\"fixed\"}");
        assertThat(notInRepair.status()).as(notInRepair.toString()).isEqualTo(409);
        assertThat(notInRepair.body()).contains("only through a passing re-acceptance");
        Api.Response badAction = admin().post("/api/v1/nodes/" + node + "/repair", "{\"action\":\"DRAIN\"}");
        assertThat(badAction.status()).isEqualTo(400);
        Api.Response resetWithoutGpu = admin().post("/api/v1/nodes/" + node + "/repair", "{\"action\":\"GPU_RESET\"}");
        assertThat(resetWithoutGpu.status()).isEqualTo(400);
        assertThat(state(node)).as("refusals change nothing").isEqualTo("MAINTENANCE");
    }

    @Test
    void tenantUsersReadTheirNodesRmaRecordButNeitherRepairNorReturnIt() {
        HealthFixtures.Tenant tenant = fixtures.health.tenant();
        long node = fixtures.agent(tenant.pool(), uniqueIp(), "{\"hostname\":\"gpu-c\"}").nodeId();
        Api tenantOperator = fixtures.health.member(tenant, "OPERATOR");
        Api stranger = fixtures.health.member(fixtures.health.tenant(), "VIEWER");

        assertThat(tenantOperator.get("/api/v1/nodes/" + node + "/rma").status()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/nodes/" + node + "/rma").status()).isEqualTo(404);
        assertThat(tenantOperator.post("/api/v1/nodes/" + node + "/repair", "{\"action\":\"REBOOT\"}").status()).isEqualTo(403);
        assertThat(tenantOperator.post("/api/v1/nodes/" + node + "/return", "{}").status()).isEqualTo(403);
        JsonNode record = fixtures.rma(node);
        assertThat(record.get("gpus")).isEmpty();
        assertThat(record.get("gpusNote").asString()).startsWith("unknown");
        assertThat(record.get("boardSerial").asString()).isEqualTo("unknown");
    }

    private static String lastMove(JsonNode record) {
        List<String> moves = new ArrayList<>();
        record.get("lifecycle").forEach(m -> moves.add(m.get("from").asString() + "->" + m.get("to").asString() + " by "
                + m.get("actor").asString()));
        return moves.get(moves.size() - 1);
    }
}
