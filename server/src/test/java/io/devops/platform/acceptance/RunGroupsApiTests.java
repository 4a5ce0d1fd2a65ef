package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The group table of a run as the API serves it, from a bisection over a fabric of 16 nodes with one at half speed. */
class RunGroupsApiTests extends ApiTest {

    @Autowired
    AcceptanceGroups groups;

    @Test
    void theGroupTableListsEveryRunWithItsLineVerdictAndBisectionRound() {
        long runId = aRun();
        List<Long> nodes = LongStream.rangeClosed(101, 116).boxed().toList();
        GroupOutcome outcome = GroupBisection.run(GroupPlanner.plan(nodes, 4), group -> slowestMember(group, Map.of(111L, 180.0)),
                String::valueOf);
        groups.record(runId, null, outcome.runs(), Instant.now());

        JsonNode table = admin().get("/api/v1/runs/" + runId + "/groups").json();

        assertThat(table).hasSize(outcome.runs().size());
        JsonNode firstPair = table.get(0);
        assertThat(firstPair.get("scale").asString()).isEqualTo("PAIR");
        assertThat(firstPair.get("nodes").get(0).asLong()).isEqualTo(101L);
        assertThat(firstPair.get("check").asString()).isEqualTo(NcclAllReduceMultiCheck.NAME);
        assertThat(firstPair.get("measured").asDouble()).isEqualTo(360.0);
        assertThat(firstPair.get("threshold").asDouble()).isEqualTo(340.0);
        assertThat(firstPair.get("verdict").asString()).isEqualTo("PASS");
        assertThat(firstPair.get("bisection").get("round").asInt()).isZero();
        JsonNode lowPair = table.get(5);
        assertThat(lowPair.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(lowPair.get("bisection").get("suspects")).extracting(JsonNode::asLong).containsExactly(111L, 112L);
        JsonNode firstExtra = table.get(13);
        assertThat(firstExtra.get("bisection").get("round").asInt()).isEqualTo(1);
        assertThat(firstExtra.get("bisection").get("suspects")).extracting(JsonNode::asLong).containsExactly(111L);
        assertThat(firstExtra.get("measured").asDouble()).isEqualTo(180.0);
    }

    @Test
    void aRunWithoutMultiNodeStepsHasAnEmptyTableAndAnUnknownRunIsNotFound() {
        assertThat(admin().get("/api/v1/runs/" + aRun() + "/groups").json()).isEmpty();

        var missing = admin().get("/api/v1/runs/987654321/groups");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
    }

    private static CheckResult slowestMember(NodeGroup group, Map<Long, Double> slow) {
        double measured = group.nodes().stream().mapToDouble(node -> slow.getOrDefault(node, 360.0)).min().orElseThrow();
        return CheckResult.measured(NcclAllReduceMultiCheck.NAME, measured >= 340.0 ? CheckVerdict.PASS : CheckVerdict.FAIL, measured,
                340.0, "GB/s", measured + " GB/s");
    }

    /** A run of a do-nothing step on an unreachable node: it is there to be read. */
    private long aRun() {
        var shell = admin().post("/api/v1/shells", """
                {"name":"%s","command":"true","dispatch":"ansible","parameters":[]}""".formatted(unique("noop")));
        var template = admin().post("/api/v1/templates", """
                {"name":"%s","steps":[{"type":"script","shellId":%d,"params":{}}]}""".formatted(unique("groups"), shell.id()));
        var node = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"}");
        var job = admin().post("/api/v1/jobs", """
                {"name":"%s","failurePolicy":"STOP","items":[{"templateId":%d,"targets":[{"type":"node","id":%d}]}]}"""
                .formatted(unique("groups"), template.id(), node.id()));
        var run = admin().post("/api/v1/jobs/" + job.id() + "/runs", "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        return run.id();
    }
}
