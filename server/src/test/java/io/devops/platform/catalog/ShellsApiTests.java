package io.devops.platform.catalog;

import static io.devops.platform.catalog.CatalogFixture.parameter;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ShellsApiTests extends ApiTest {

    private String body(String name, String command, String pattern) {
        var body = CatalogFixture.object().put("name", name).put("command", command).put("dispatch", "ansible");
        parameter(body.putArray("parameters"), "customer", pattern);
        body.putArray("reports").add("/tmp/hello-<customer>.md");
        return body.toString();
    }

    @Test
    void createdShellIsVersionOneWithItsParametersAndReports() {
        var response = admin().post("/api/v1/shells", body(unique("hello"), "echo hello <customer>", "[a-z0-9_-]+"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode shell = response.json();
        assertThat(shell.get("version").asInt()).isEqualTo(1);
        assertThat(shell.get("dispatch").asString()).isEqualTo("ansible");
        assertThat(shell.get("parameters").get(0).get("pattern").asString()).isEqualTo("[a-z0-9_-]+");
        assertThat(shell.get("reports").get(0).asString()).isEqualTo("/tmp/hello-<customer>.md");
    }

    @Test
    void undeclaredPlaceholderIs400() {
        var response = admin().post("/api/v1/shells", body(unique("bad"), "echo <customer> <node_pool>", "[a-z]+"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("<node_pool>");
    }

    @Test
    void invalidRegexIs400() {
        var response = admin().post("/api/v1/shells", body(unique("bad"), "echo <customer>", "[a-z"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("parameters[0].pattern");
    }

    @Test
    void placeholderInsideQuotesIs400() {
        var response = admin().post("/api/v1/shells", body(unique("bad"), "echo \"<customer>\"", "[a-z]+"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("inside quotes");
    }

    @Test
    void putMakesANewVersionAndKeepsTheOld() {
        String name = unique("hello");
        long v1 = admin().post("/api/v1/shells", body(name, "echo hello <customer>", "[a-z]+")).id();
        var put = admin().put("/api/v1/shells/" + v1, body(name, "echo bonjour <customer>", "[a-z]+"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("version").asInt()).isEqualTo(2);
        assertThat(put.json().get("originalShellId").asLong()).isEqualTo(v1);
        assertThat(admin().get("/api/v1/shells/" + v1).json().get("command").asString()).isEqualTo("echo hello <customer>");
        assertThat(admin().get("/api/v1/shells?allVersions=true&name=" + name).json().get("total").asLong()).isEqualTo(2);
        assertThat(admin().get("/api/v1/shells?name=" + name).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void duplicateNameIs409() {
        String name = unique("dup");
        admin().post("/api/v1/shells", body(name, "echo <customer>", "[a-z]+"));
        assertThat(admin().post("/api/v1/shells", body(name, "echo <customer>", "[a-z]+")).status()).isEqualTo(409);
    }
}
