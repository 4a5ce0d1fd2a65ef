package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AcceptanceLinesApiTests extends AcceptanceApiTest {

    private static final String PATH = "/api/v1/acceptance-lines";

    @Autowired
    private List<AcceptanceCheck> checks;

    private JsonNode original;

    @BeforeEach
    void rememberLines() {
        original = admin().get(PATH).json();
    }

    @AfterEach
    void restoreLines() {
        if (admin().get(PATH).json().get("version").asInt() != original.get("version").asInt()) {
            Api.Response restored = admin().put(PATH, "{\"comment\":\"test restores the lines\",\"lines\":" + original.get("lines") + "}");
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
    }

    @Test
    void theDefaultsAreTheReferenceLinesEachWithItsSource() {
        JsonNode seeded = admin().get(PATH + "/versions/1").json();

        assertThat(seeded.get("createdBy").asString()).isEqualTo("system");
        assertThat(seeded.get("lines").toString())
                .contains("{\"check\":\"nccl_all_reduce\",\"metric\":\"busbw_gbps\",\"gpuModel\":\"H100\",\"gpuCount\":8,\"nodeCount\":1,"
                        + "\"minValue\":460.0,\"unit\":\"GB/s\",\"source\":\"gpu-acceptance.md 2/5: Azure node health checks")
                .contains("\"check\":\"nccl_all_reduce_multi\",\"metric\":\"busbw_gbps\",\"gpuModel\":\"H100\",\"gpuCount\":8,\"nodeCount\":2,"
                        + "\"fabric\":\"IB\",\"minValue\":340.0")
                .contains("\"check\":\"ib_write_bw\",\"metric\":\"bw_avg_gbits\",\"gpuModel\":\"A100\",\"nodeCount\":1,"
                        + "\"minValue\":185.0,\"unit\":\"Gb/s\"");
        for (JsonNode line : seeded.get("lines")) {
            assertThat(line.get("source").asString()).as(line.toString()).isNotBlank();
        }
        assertThat(seeded.get("lines")).hasSize(18);
    }

    @Test
    void theSeededLinesJudgeTheRecordedOutputsOfHealthyAndSlowNodes() {
        Map<String, AcceptanceCheck> byName = checks.stream().collect(Collectors.toMap(AcceptanceCheck::name, Function.identity()));
        List<String> mine = List.of("nccl_all_reduce", "nccl_all_reduce_multi", "dcgm_diag", "nvbandwidth", "ib_write_bw", "torch_all_reduce");
        assertThat(byName).containsKeys(mine.toArray(String[]::new));

        for (String profile : PerfFixtures.HEALTHY) {
            for (String check : mine) {
                String model = profile.substring(0, 4).toUpperCase();
                NodeContext node = check.endsWith("_multi") ? new NodeContext(model, 8, 2) : NodeContext.single(model, 8);
                CheckResult result = byName.get(check).judge(PerfFixtures.output(profile, check), node);
                assertThat(result.verdict()).as(profile + " " + check + ": " + result.message()).isEqualTo(CheckVerdict.PASS);
            }
        }
        CheckResult slow = byName.get("nccl_all_reduce").judge(PerfFixtures.output("h100-low-busbw", "nccl_all_reduce"),
                NodeContext.single("H100", 8));
        assertThat(slow.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(slow.message()).contains("is below the line of 460.00 GB/s");
    }

    @Test
    void anAdminsChangeIsANewVersionTheOldOneStaysAndTheChangeIsAudited() {
        int before = original.get("version").asInt();
        String lines = original.get("lines").toString().replace("\"gpuModel\":\"H100\",\"gpuCount\":8,\"nodeCount\":1,\"minValue\":460.0",
                "\"gpuModel\":\"H100\",\"gpuCount\":8,\"nodeCount\":1,\"minValue\":470.5");

        Api.Response saved = admin().put(PATH, "{\"comment\":\" NVLink SHARP fleet \",\"lines\":" + lines + "}");

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(before + 1);
        assertThat(saved.json().get("comment").asString()).isEqualTo("NVLink SHARP fleet");
        assertThat(admin().get(PATH).json().get("lines").toString()).contains("\"minValue\":470.5").doesNotContain("\"minValue\":460.0");
        assertThat(admin().get(PATH + "/versions/" + before).json().get("lines")).isEqualTo(original.get("lines"));
        assertThat(admin().get(PATH + "/versions").json().get(0).get("version").asInt()).isEqualTo(before + 1);
        JsonNode audit = admin().get("/api/v1/audit-events?entityType=acceptance_lines&sort=id,desc&size=1").json().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("acceptance-lines.versioned");
        assertThat(audit.get("summary").asString()).isEqualTo("Acceptance lines version " + (before + 1) + " (18 line(s), was version "
                + before + "): NVLink SHARP fleet");
    }

    @Test
    void invalidLinesAreRefusedFieldByFieldAndNothingChanges() {
        String body = """
                {"lines":[{"check":"gpu_burn","metric":"x","gpuModel":"H100","minValue":1,"source":"s"},
                          {"check":"nvbandwidth","metric":"busbw_gbps","gpuModel":"H100 {{ lookup('pipe','id') }}","minValue":-1,"source":""},
                          {"check":"nccl_all_reduce_multi","metric":"busbw_gbps","gpuModel":"H100","gpuCount":0,"nodeCount":1,"minValue":1.234,"source":"s"},
                          {"check":"ib_write_bw","metric":"bw_avg_gbits","gpuModel":"A100","fabric":"IB","minValue":185,"unit":"GB/s","source":"s"},
                          {"check":"torch_all_reduce","metric":"busbw_gbps","gpuModel":"h100","gpuCount":8,"minValue":2,"source":"s"},
                          {"check":"torch_all_reduce","metric":"busbw_gbps","gpuModel":"H100","gpuCount":8,"minValue":3,"source":"t"}]}""";

        Api.Response refused = admin().put(PATH, body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("errors").toString())
                .contains("{\"field\":\"lines[0].check\",\"message\":\"must be one of [ib_write_bw, nccl_all_reduce, nccl_all_reduce_multi,"
                        + " nvbandwidth, torch_all_reduce]\"}")
                .contains("{\"field\":\"lines[1].metric\",\"message\":\"must be one of [device_device_gbps, host_device_gbps] for nvbandwidth\"}")
                .contains("\"field\":\"lines[1].gpuModel\"")
                .contains("\"field\":\"lines[1].minValue\"")
                .contains("\"field\":\"lines[1].source\"")
                .contains("{\"field\":\"lines[2].gpuCount\",\"message\":\"must be 1 to 64, or left out to match any count\"}")
                .contains("\"field\":\"lines[2].nodeCount\"")
                .contains("\"field\":\"lines[2].fabric\"")
                .contains("{\"field\":\"lines[2].minValue\",\"message\":\"may have at most two decimals\"}")
                .contains("{\"field\":\"lines[3].fabric\",\"message\":\"applies to multi-node lines only: leave it out\"}")
                .contains("{\"field\":\"lines[3].unit\",\"message\":\"is Gb/s for bw_avg_gbits (or leave it out)\"}")
                .contains("{\"field\":\"lines[5]\",\"message\":\"is for the same check, metric, GPUs, nodes and fabric as lines[4]\"}");
        assertThat(admin().get(PATH).json()).isEqualTo(original);
        assertThat(admin().put(PATH, "{}").json().get("detail").asString())
                .isEqualTo("lines: is required: give the whole set (it becomes the next version)");
        assertThat(admin().put(PATH, "{\"lines\":[{\"minValue\":\"fast\"}]}").status()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminChangesLinesAndAViewerReadsThem() {
        Api operator = user("OPERATOR");
        Api viewer = user("VIEWER");
        String same = "{\"lines\":" + original.get("lines") + "}";

        Api.Response byOperator = operator.put(PATH, same);
        Api.Response byViewer = viewer.put(PATH, same);

        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(byOperator.isProblem()).isTrue();
        assertThat(byOperator.json().get("detail").asString()).startsWith("Only an ADMIN changes the acceptance lines");
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(viewer.get(PATH).status()).isEqualTo(200);
        assertThat(viewer.get(PATH + "/versions/1").status()).isEqualTo(200);
        assertThat(admin().get(PATH).json()).isEqualTo(original);
    }

    @Test
    void aVersionThatDoesNotExistIsNotFound() {
        Api.Response missing = admin().get(PATH + "/versions/987654");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("acceptance lines version 987654 does not exist");
    }
}
