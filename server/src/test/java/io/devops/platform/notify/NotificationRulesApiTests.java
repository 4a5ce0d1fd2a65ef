package io.devops.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rules: for one job or every job, naming known events and an existing channel and job. */
class NotificationRulesApiTests extends NotificationApiTest {

    @Test
    void aRuleIsForOneJobOrForEveryJobAndCanBeChangedAndDeleted() {
        long channel = data().create(data().channel("feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/x", null));
        long job = data().jobOnAnUnreachableNode(ApiTest::uniqueIp);
        long perJob = data().rule(channel, job, "RUN_FAILED", "NODE_ACCEPTANCE_FAILED");
        long global = data().rule(channel, null, "RUN_INTERRUPTED");

        JsonNode listed = admin().get("/api/v1/notification-rules?channelId=" + channel).json();
        assertThat(listed.get("total").asLong()).isEqualTo(2);
        JsonNode first = admin().get("/api/v1/notification-rules/" + perJob).json();
        assertThat(first.get("jobId").asLong()).isEqualTo(job);
        assertThat(first.get("channelName").asString()).startsWith("feishu");
        assertThat(first.get("events")).extracting(JsonNode::asString).containsExactly("RUN_FAILED", "NODE_ACCEPTANCE_FAILED");
        assertThat(admin().get("/api/v1/notification-rules/" + global).json().path("jobId").asLong(0)).as("every job").isZero();

        Api.Response changed = admin().put("/api/v1/notification-rules/" + global,
                "{\"channelId\":" + channel + ",\"jobId\":null,\"events\":[\"RUN_SUCCEEDED\",\"RUN_CANCELLED\"],\"enabled\":false}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.json().get("events")).extracting(JsonNode::asString).containsExactly("RUN_SUCCEEDED", "RUN_CANCELLED");

        assertThat(admin().delete("/api/v1/notification-rules/" + global).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/notification-rules/" + global).status()).isEqualTo(404);
        assertThat(admin().delete("/api/v1/notification-channels/" + channel).status()).as("the channel takes its rules").isEqualTo(204);
        assertThat(admin().get("/api/v1/notification-rules/" + perJob).status()).isEqualTo(404);
    }

    @Test
    void aRuleNamingAnUnknownEventChannelOrJobIsRefused() {
        long channel = data().create(data().channel("feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/y", null));
        Api.Response badEvent = admin().post("/api/v1/notification-rules", "{\"channelId\":" + channel + ",\"events\":[\"RUN_EXPLODED\"]}");
        assertThat(badEvent.status()).isEqualTo(400);
        assertThat(badEvent.json().get("detail").asString()).contains("RUN_EXPLODED", "RUN_FAILED");
        Api.Response noEvents = admin().post("/api/v1/notification-rules", "{\"channelId\":" + channel + ",\"events\":[]}");
        assertThat(noEvents.status()).isEqualTo(400);
        Api.Response noChannel = admin().post("/api/v1/notification-rules", "{\"channelId\":999999999,\"events\":[\"RUN_FAILED\"]}");
        assertThat(noChannel.status()).isEqualTo(404);
        Api.Response noJob = admin().post("/api/v1/notification-rules",
                "{\"channelId\":" + channel + ",\"jobId\":999999999,\"events\":[\"RUN_FAILED\"]}");
        assertThat(noJob.status()).isEqualTo(404);
        assertThat(noJob.json().get("detail").asString()).contains("Job 999999999");
        assertThat(admin().get("/api/v1/notification-rules?channelId=" + channel).json().get("total").asLong()).isZero();
    }
}
