package io.devops.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.util.function.Function;

/** Tenants with a pool each, members signed in with tokens, and agents enrolled into a pool, for the health tests. */
public final class HealthFixtures {

    private final Api admin;
    private final Api anonymous;
    private final Function<String, String> unique;

    public HealthFixtures(Api admin, Api anonymous, Function<String, String> unique) {
        this.admin = admin;
        this.anonymous = anonymous;
        this.unique = unique;
    }

    public record Tenant(long id, long pool) {
    }

    public Tenant tenant() {
        var tenant = admin.post("/api/v1/tenants", "{\"name\":\"" + unique.apply("health") + "\"}");
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        var pool = admin.post("/api/v1/node-pools", "{\"name\":\"" + unique.apply("pool") + "\",\"tenantId\":" + tenant.id() + "}");
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        return new Tenant(tenant.id(), pool.id());
    }

    /** A viewer of {@code tenant}, with an API token of its own. */
    Api member(Tenant tenant) {
        return member(tenant, "VIEWER");
    }

    /** A user with this role (VIEWER, OPERATOR) in {@code tenant} alone, with an API token of its own. */
    public Api member(Tenant tenant, String role) {
        String username = unique.apply("viewer");
        String password = "pw-" + unique.apply("secret") + "-Long";
        var created = admin.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":null,"tenantRoles":[{"tenantId":%d,"role":"%s"}]}"""
                .formatted(username, password, tenant.id(), role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var token = admin.basic(username, password).post("/api/v1/api-tokens", "{\"name\":\"" + unique.apply("token") + "\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return anonymous.bearer(token.json().get("token").asString());
    }

    /** An enrolment token for one agent joining {@code poolId}. */
    public String token(long poolId) {
        var created = admin.post("/api/v1/agent-enrollment-tokens",
                "{\"expiresInMinutes\":10,\"maxUses\":1,\"nodePoolId\":" + poolId + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    record Agent(long nodeId, Api api) {

        Api.Response report(String eventsJson) {
            return api.post("/api/v1/agent/health-events", "{\"events\":[" + eventsJson + "]}");
        }
    }

    /** An agent that speaks the protocol directly, enrolled into {@code poolId}. */
    Agent agent(long poolId, String ip) {
        var enrolled = anonymous.post("/api/v1/agent/enroll", "{\"enrollmentToken\":\"" + token(poolId) + "\",\"ip\":\"" + ip
                + "\",\"hostname\":\"gpu-" + ip + "\",\"facts\":{\"hostname\":\"gpu-" + ip + "\"},\"agentVersion\":\"test\"}");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return new Agent(enrolled.json().get("nodeId").asLong(), anonymous.bearer(enrolled.json().get("credential").asString()));
    }

    /** One event as the agent sends it. */
    static String event(String code, String firstSeen, String lastSeen, long count, boolean open) {
        return """
                {"component":"xid","code":"%s","subject":"0000:18:00","severity":"CRITICAL","message":"Xid %s on GPU 0000:18:00",
                 "evidence":"NVRM: Xid (PCI:0000:18:00): %s, pid=1","firstSeen":"%s","lastSeen":"%s","count":%d,"open":%b}"""
                .formatted(code, code, code, firstSeen, lastSeen, count, open);
    }
}
