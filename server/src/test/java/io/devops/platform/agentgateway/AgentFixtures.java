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

    /** A token that re-enrols this one node (a reinstalled host). */
    String tokenFor(long nodeId) {
        var created = admin.post("/api/v1/agent-enrollment-tokens", "{\"expiresInMinutes\":10,\"nodeId\":" + nodeId + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("nodeId").asLong()).isEqualTo(nodeId);
        return created.json().get("token").asString();
    }

    /** A new tenant's own pool. */
    long tenantPool(String name) {
        var tenant = admin.post("/api/v1/tenants", "{\"name\":\"" + name + "\"}");
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        var pool = admin.post("/api/v1/node-pools", "{\"name\":\"" + name + "_pool\",\"tenantId\":" + tenant.id() + "}");
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        return pool.id();
    }

    Api.Response enrol(String token, String ip, String factsJson) {
        return enrol(token, ip, factsJson, null);
    }

    /** {@code claimSecret}: what a real agent generates to wait for an admin's approval with. */
    Api.Response enrol(String token, String ip, String factsJson, String claimSecret) {
        return anonymous.post("/api/v1/agent/enroll", "{\"enrollmentToken\":\"" + token + "\",\"ip\":\"" + ip
                + "\",\"hostname\":\"h-" + ip + "\",\"facts\":" + factsJson + ",\"agentVersion\":\"test\""
                + (claimSecret == null ? "" : ",\"claimSecret\":\"" + claimSecret + "\"") + "}");
    }

    Api.Response claim(long enrollmentId, String claimSecret) {
        return anonymous.post("/api/v1/agent/enrollments/" + enrollmentId + "/claim",
                "{\"claimSecret\":\"" + claimSecret + "\"}");
    }

    /** An enrolled agent speaking the protocol directly. */
    Agent agent(String ip) {
        return agent(token(1, null), ip);
    }

    Agent agent(String token, String ip) {
        var enrolled = enrol(token, ip, "{\"hostname\":\"gpu-" + ip + "\"}");
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
