package io.devops.platform.catalog;

import static io.devops.platform.catalog.CatalogFixture.scriptStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A shell may name the unprivileged node user it runs as: checked like an agent command's, kept per version, agent only. */
class ShellRunAsApiTests extends ApiTest {

    private static ObjectNode shellBody(String name, String runAs, String dispatch) {
        ObjectNode body = CatalogFixture.object().put("name", name).put("command", "id -un").put("runAs", runAs);
        if (dispatch != null) {
            body.put("dispatch", dispatch);
        }
        body.putArray("parameters");
        return body;
    }

    private Api.Response create(String runAs, String dispatch) {
        return admin().post("/api/v1/shells", shellBody(unique("as"), runAs, dispatch).toString());
    }

    private static JsonNode onlyError(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors")).hasSize(1);
        return response.json().get("errors").get(0);
    }

    @Test
    void aNameThatIsNotAPortableUserNameIsRefusedAndNothingIsCreated() {
        String name = unique("bad_user");
        for (String runAs : new String[] {"--reuid=0", "Bob", "a b", "x".repeat(33), ""}) {
            var response = admin().post("/api/v1/shells", shellBody(name, runAs, "agent").toString());

            JsonNode error = onlyError(response);
            assertThat(error.get("field").asString()).isEqualTo("runAs");
            assertThat(error.get("message").asString()).contains("is not a user name");
        }
        assertThat(admin().get("/api/v1/shells?name=" + name).json().get("items")).isEmpty();
    }

    @Test
    void rootIsRefusedBecauseLeavingRunAsOutAlreadyRunsAsRoot() {
        JsonNode error = onlyError(create("root", "agent"));

        assertThat(error.get("field").asString()).isEqualTo("runAs");
        assertThat(error.get("message").asString()).contains("name an unprivileged user");
    }

    @Test
    void aScriptDispatchedOverSshCannotNameAUserSinceItWouldRunAsTheSshUser() {
        for (String dispatch : new String[] {null, "ansible", "launcher"}) {
            JsonNode error = onlyError(create("nobody", dispatch));

            assertThat(error.get("field").asString()).isEqualTo("runAs");
            assertThat(error.get("message").asString()).contains("set dispatch to agent");
        }
    }

    @Test
    void runAsIsShownAndKeptWithEachVersion() {
        var created = create("nobody", "agent");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("runAs").asString()).isEqualTo("nobody");

        var edited = admin().put("/api/v1/shells/" + created.id(),
                shellBody(created.json().get("name").asString(), null, "agent").toString());

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("runAs").isNull()).isTrue();
        assertThat(admin().get("/api/v1/shells/" + created.id()).json().get("runAs").asString()).isEqualTo("nobody");
    }

    @Test
    void aTemplateStepCannotSendARunAsShellOverSshAndTheAgentPlanCarriesTheUser() {
        long shell = create("nobody", "agent").id();

        var overSsh = admin().post("/api/v1/templates", CatalogFixture.templateBody(unique("t"),
                steps -> scriptStep(steps, shell, "ansible", p -> { })).toString());
        var onAgent = admin().post("/api/v1/templates", CatalogFixture.templateBody(unique("t"),
                steps -> scriptStep(steps, shell, null, p -> { })).toString());

        JsonNode error = onlyError(overSsh);
        assertThat(error.get("field").asString()).isEqualTo("steps[0].dispatch");
        assertThat(error.get("message").asString()).contains("runs as nobody").contains("set dispatch to agent");
        assertThat(onAgent.status()).as(onAgent.toString()).isEqualTo(201);
        JsonNode task = admin().get("/api/v1/templates/" + onAgent.id() + "/plan").json().get("tasks").get(0);
        assertThat(task.get("runAs").asString()).isEqualTo("nobody");
    }
}
