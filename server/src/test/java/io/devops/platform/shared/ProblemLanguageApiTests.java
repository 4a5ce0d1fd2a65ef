package io.devops.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api.Response;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Problem details come in the caller's language, chosen by Accept-Language; only the words change. */
class ProblemLanguageApiTests extends ApiTest {

    private static final String TOO_LONG_NAME = "{\"name\":\"" + "x".repeat(65) + "\"}";

    @Test
    void aChineseCallerReadsTheRefusalOfAFieldInChinese() {
        Response refused = admin().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").post("/api/v1/tenants", TOO_LONG_NAME);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Language")).hasValue("zh-CN");
        assertThat(refused.json().get("title").asString()).isEqualTo("请求有误");
        assertThat(refused.json().get("detail").asString()).isEqualTo("name：请使用 1 到 64 个字符，当前为 65 个");
        var error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("name");
        assertThat(error.get("message").asString()).isEqualTo("请使用 1 到 64 个字符，当前为 65 个");
        assertThat(error.get("rule").asString()).isEqualTo("name.length");
        assertThat(error.get("limit").asInt()).isEqualTo(64);
    }

    @Test
    void anEnglishOrUnstatedLanguageKeepsTheEnglishText() {
        Response english = admin().header("Accept-Language", "en-US,zh;q=0.5").post("/api/v1/tenants", TOO_LONG_NAME);
        Response unstated = admin().post("/api/v1/tenants", TOO_LONG_NAME);

        for (Response refused : java.util.List.of(english, unstated)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Content-Language")).isEmpty();
            assertThat(refused.json().get("detail").asString()).isEqualTo("name: use 1 to 64 characters, not 65");
        }
    }

    @Test
    void aMissingObjectAndASignInRefusalAreChineseToo() {
        Response missing = admin().header("Accept-Language", "zh").get("/api/v1/node-pools/987654321");
        Response anonymous = anonymous().header("Accept-Language", "zh-CN").get("/api/v1/nodes");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("节点池 987654321 不存在");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).startsWith("请先登录");
        assertThat(anonymous.header("Content-Language")).hasValue("zh-CN");
    }
}
