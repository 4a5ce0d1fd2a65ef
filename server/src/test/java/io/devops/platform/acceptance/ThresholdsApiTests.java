package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ThresholdsApiTests extends AcceptanceApiTest {

    private static final String PATH = "/api/v1/acceptance-thresholds";
    private String original;

    @BeforeEach
    void rememberThresholds() {
        original = admin().get(PATH).body();
    }

    @AfterEach
    void restoreThresholds() {
        assertThat(admin().put(PATH, original).status()).isEqualTo(200);
    }

    @Test
    void theDefaultsAreThePublishedSingleNodePassLines() {
        JsonNode thresholds = admin().get(PATH).json().get("thresholds");

        assertThat(thresholds.toString()).contains("\"name\":\"8 x H100 SXM\",\"modelMatch\":\"H100 HBM3\",\"gpuCount\":8,"
                        + "\"minBusBwGbps\":460.0,\"minMessageBytes\":1073741824")
                .contains("\"name\":\"8 x A100 SXM\",\"modelMatch\":\"A100 SXM4\",\"gpuCount\":8,\"minBusBwGbps\":228.0");
    }

    @Test
    void anOperatorReplacesTheListAndTheChangeIsAudited() {
        Api operator = user("OPERATOR");
        String body = """
                {"thresholds":[{"name":"8 x H200","modelMatch":" H200  ","gpuCount":8,"minBusBwGbps":470.5},
                               {"name":"any L40S","modelMatch":"L40S","minBusBwGbps":20,"minMessageBytes":0,"description":"PCIe"}]}""";

        Api.Response saved = operator.put(PATH, body);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode list = saved.json().get("thresholds");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("modelMatch").asString()).isEqualTo("H200");
        assertThat(list.get(0).get("minMessageBytes").asLong()).isEqualTo(1L << 30);
        assertThat(list.get(1).path("gpuCount").isNumber()).as("any count").isFalse();
        assertThat(admin().get(PATH).json().get("thresholds")).isEqualTo(list);
        JsonNode audit = admin().get("/api/v1/audit-events?entityType=acceptance_thresholds&sort=id,desc&size=1").json()
                .get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("acceptance-thresholds.replaced");
        assertThat(audit.get("summary").asString()).isEqualTo("Set 2 acceptance threshold(s): 8 x H200 >= 470.5 GB/s, any L40S >= 20.0 GB/s");
    }

    @Test
    void invalidThresholdsAreRefusedFieldByFieldAndNothingChanges() {
        String body = """
                {"thresholds":[{"name":"","modelMatch":"H100 {{ lookup('pipe','id') }}","gpuCount":0,"minBusBwGbps":-1},
                               {"name":"a","modelMatch":"A100","minBusBwGbps":1.234,"minMessageBytes":-5},
                               {"name":"A","modelMatch":"a100","minBusBwGbps":2}]}""";

        Api.Response refused = admin().put(PATH, body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("errors").toString())
                .contains("{\"field\":\"thresholds[0].name\",\"message\":\"must be 1 to 64 characters\"}")
                .contains("\"field\":\"thresholds[0].modelMatch\"")
                .contains("{\"field\":\"thresholds[0].gpuCount\",\"message\":\"must be 1 to 64, or left out to match any count\"}")
                .contains("\"field\":\"thresholds[0].minBusBwGbps\"")
                .contains("{\"field\":\"thresholds[1].minBusBwGbps\",\"message\":\"may have at most two decimals\"}")
                .contains("\"field\":\"thresholds[1].minMessageBytes\"")
                .contains("{\"field\":\"thresholds[2].name\",\"message\":\"'A' is already used by thresholds[1]\"}")
                .contains("{\"field\":\"thresholds[2].modelMatch\",\"message\":\"matches the same GPUs as thresholds[1]\"}");
        assertThat(refused.json().get("detail").asString()).startsWith("thresholds[0].name must be 1 to 64 characters; ");
        assertThat(admin().get(PATH).body()).isEqualTo(original);
        assertThat(admin().put(PATH, "{}").json().get("detail").asString())
                .isEqualTo("thresholds: is required: give the whole list (it replaces the current one)");
        assertThat(admin().put(PATH, "{\"thresholds\":[{\"minBusBwGbps\":\"fast\"}]}").status()).isEqualTo(400);
    }

    @Test
    void aViewerReadsButCannotChangeThresholds() {
        Api viewer = user("VIEWER");

        assertThat(viewer.get(PATH).status()).isEqualTo(200);
        Api.Response refused = viewer.put(PATH, original);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }
}
