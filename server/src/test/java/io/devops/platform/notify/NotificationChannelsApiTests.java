package io.devops.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Channels through the real API, delivering to a local receiver that plays each service. */
class NotificationChannelsApiTests extends NotificationApiTest {

    private static final Map<String, String> SECRETS = Map.of("/webhook", "wh-secret-1", "/dingtalk", "SECdingtalk-secret",
            "/feishu", "feishu-secret");

    @Test
    void eachServiceGetsItsSignedPayloadAndTheThirdAttemptSucceedsAfterTwoFailures() throws Exception {
        try (ServiceReceiver receiver = new ServiceReceiver(SECRETS, 2)) {
            Map<String, Long> channels = Map.of(
                    "/webhook", data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook"))),
                    "/dingtalk", data().create(data().channel("dingtalk", receiver.url("/dingtalk?access_token=dt-token"),
                            SECRETS.get("/dingtalk"))),
                    "/feishu", data().create(data().channel("feishu", receiver.url("/feishu"), SECRETS.get("/feishu"))),
                    "/wecom", data().create(data().channel("wecom", receiver.url("/wecom?key=wc-key"), null)));
            channels.values().forEach(data()::sendTest);

            for (Map.Entry<String, Long> channel : channels.entrySet()) {
                JsonNode attempts = data().awaitAttempts(channel.getValue(), 3, Duration.ofSeconds(20));
                assertThat(attempts).as(channel.getKey()).hasSize(3);
                assertThat(attempts).extracting(a -> a.get("status").asString()).containsExactly("SUCCEEDED", "FAILED", "FAILED");
                assertThat(attempts).extracting(a -> a.get("responseCode").asInt()).containsExactly(200, 500, 500);
                assertThat(attempts).extracting(a -> a.get("attempt").asInt()).containsExactly(3, 2, 1);
                assertThat(attempts.get(1).get("error").asString()).contains("HTTP 500");
                assertThat(attempts.get(0).path("error").asString("")).isEmpty();
                assertThat(attempts.get(0).get("at").asString()).isNotBlank();
                assertThat(attempts.get(0).get("deliveryStatus").asString()).isEqualTo("SUCCEEDED");
                List<ServiceReceiver.Received> received = receiver.received(channel.getKey());
                assertThat(received).as(channel.getKey()).hasSize(3).allSatisfy(request ->
                        assertThat(request.problem()).as(channel.getKey() + " " + request.body()).isNull());
            }
            assertThat(receiver.received("/webhook").get(2).json().get("event").asString()).isEqualTo("TEST");
            assertThat(receiver.received("/dingtalk").get(2).json().at("/markdown/title").asString())
                    .isEqualTo("Test message from the GPU delivery platform");
        }
    }

    @Test
    void aServiceThatRefusesTheSignatureIsAFailedAttemptWithItsAnswer() throws Exception {
        try (ServiceReceiver receiver = new ServiceReceiver(SECRETS, 0)) {
            long channel = data().create(data().channel("dingtalk", receiver.url("/dingtalk?access_token=dt-token"), "not-the-secret"));
            data().sendTest(channel);

            JsonNode attempts = data().awaitAttempts(channel, 3, Duration.ofSeconds(20));
            assertThat(attempts).hasSize(3).allSatisfy(attempt -> {
                assertThat(attempt.get("status").asString()).isEqualTo("FAILED");
                assertThat(attempt.get("responseCode").asInt()).isEqualTo(200);
                assertThat(attempt.get("error").asString()).contains("310000").contains("sign not match");
            });
            assertThat(attempts.get(0).get("deliveryStatus").asString()).isEqualTo("FAILED");
        }
    }

    @Test
    void secretsAndAddressesAreNeverReturned() {
        ObjectNode body = data().channel("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key-0042", null)
                .put("language", "zh-CN");
        long wecom = data().create(body);
        long webhook = data().create(data().channel("webhook", "https://hooks.example.com/path/token-9931", "hook-secret-7765"));

        for (String answer : List.of(admin().get("/api/v1/notification-channels/" + wecom).body(),
                admin().get("/api/v1/notification-channels/" + webhook).body(),
                admin().get("/api/v1/notification-channels?size=500").body())) {
            assertThat(answer).doesNotContain("wecom-key-0042").doesNotContain("token-9931").doesNotContain("hook-secret-7765");
        }
        JsonNode shown = admin().get("/api/v1/notification-channels/" + webhook).json();
        assertThat(shown.get("url").asString()).isEqualTo("https://hooks.example.com/***");
        assertThat(shown.get("secretSet").asBoolean()).isTrue();
        assertThat(shown.has("secret")).isFalse();
        JsonNode zh = admin().get("/api/v1/notification-channels/" + wecom).json();
        assertThat(zh.get("language").asString()).isEqualTo("zh-CN");
        assertThat(zh.get("type").asString()).isEqualTo("wecom");
        assertThat(zh.get("secretSet").asBoolean()).isFalse();

        Api.Response renamed = admin().put("/api/v1/notification-channels/" + webhook, "{\"name\":\"" + unique("renamed") + "\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.body()).doesNotContain("hook-secret-7765").doesNotContain("token-9931");
        assertThat(renamed.json().get("secretSet").asBoolean()).as("a secret left out is kept").isTrue();
        assertThat(admin().get("/api/v1/audit-events?size=50").body()).doesNotContain("hook-secret-7765").doesNotContain("token-9931");
    }

    @Test
    void badChannelsAreRefusedWithWhatToFixAndNothingIsCreated() {
        long before = admin().get("/api/v1/notification-channels").json().get("total").asLong();
        assertRefused(data().channel("pager", "https://example.com/", "s"), 400, "not a channel type");
        assertRefused(data().channel("webhook", "https://example.com/", null), 400, "give the secret its receiver checks");
        assertRefused(data().channel("wecom", "https://example.com/?key=k", "s"), 400, "WeCom robots are not signed");
        assertRefused(data().channel("dingtalk", "ftp://example.com/", null), 400, "http:// or https://");
        assertRefused(data().channel("feishu", "https://example.com/", null).put("language", "fr"), 400, "use zh-CN or en");
        ObjectNode email = data().channel("email", null, null);
        email.putObject("smtp").put("host", "127.0.0.1").put("port", 2525).put("from", "ops@example.com");
        assertRefused(email, 400, "at least one recipient");
        assertThat(admin().get("/api/v1/notification-channels").json().get("total").asLong()).isEqualTo(before);

        ObjectNode first = data().channel("feishu", "https://example.com/", null);
        data().create(first);
        assertRefused(data().channel("feishu", "https://example.com/", null).put("name", first.get("name").asString()), 409, "exists");
        assertThat(admin().post("/api/v1/notification-channels/999999999/test", "{}").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsManageNotifications() {
        String username = unique("ops");
        String password = "pw-" + unique("secret") + "-Long";
        Api.Response user = admin().post("/api/v1/users", """
                {"username":"%s","password":"%s","role":"OPERATOR"}""".formatted(username, password));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        Api operator = anonymous().basic(username, password);

        assertThat(operator.get("/api/v1/notification-channels").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/notification-rules").status()).isEqualTo(403);
        assertThat(operator.post("/api/v1/notification-channels", data().channel("feishu", "https://example.com/", null).toString())
                .status()).isEqualTo(403);
    }

    private void assertRefused(ObjectNode channel, int status, String detail) {
        Api.Response refused = admin().post("/api/v1/notification-channels", channel.toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains(detail);
    }
}
