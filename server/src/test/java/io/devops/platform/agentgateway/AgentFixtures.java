package io.devops.platform.agentgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import tools.jackson.databind.JsonNode;

/** Enrolment tokens and enrolled protocol-level agents for the gateway's API tests. */
final class AgentFixtures {

    private final Api admin;
    private final Api anonymous;

    AgentFixtures(Api admin, Api anonymous) {
        this.admin = admin;
        this.anonymous = anonymous;
    }

    String token(int maxUses, Long poolId) {
        var created = admin.post("/api/v1/agent-enrollment-tokens",
                "{\"expiresInMinutes\":10,\"maxUses\":" + maxUses + ",\"nodePoolId\":" + poolId + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    Api.Response enrol(String token, String ip, String factsJson) {
        return anonymous.post("/api/v1/agent/enroll", "{\"enrollmentToken\":\"" + token + "\",\"ip\":\"" + ip
                + "\",\"hostname\":\"h-" + ip + "\",\"facts\":" + factsJson + ",\"agentVersion\":\"test\"}");
    }

    /** An enrolled agent speaking the protocol directly. */
    Agent agent(String ip) {
        var enrolled = enrol(token(1, null), ip, "{\"hostname\":\"gpu-" + ip + "\"}");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        JsonNode body = enrolled.json();
        return new Agent(body.get("nodeId").asLong(), body.get("credential").asString(),
                anonymous.bearer(body.get("credential").asString()));
    }

    long runOn(long nodeId, String script, int timeoutSeconds) {
        var created = admin.post("/api/v1/nodes/" + nodeId + "/agent/commands",
                "{\"script\":" + quote(script) + ",\"timeoutSeconds\":" + timeoutSeconds + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    record Agent(long nodeId, String credential, Api api) {

        Api.Response poll(String held, int waitSeconds) {
            return api.post("/api/v1/agent/commands/poll", "{\"held\":[" + held + "],\"waitSeconds\":" + waitSeconds + "}");
        }
    }
}
