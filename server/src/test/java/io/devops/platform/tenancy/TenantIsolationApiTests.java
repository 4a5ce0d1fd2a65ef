package io.devops.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tenant user sees and acts on its tenants' pools, nodes, jobs, runs and audit events only;
 * another tenant's (and the operations team's) objects answer exactly as missing ones do.
 */
class TenantIsolationApiTests extends ApiTest {

    private static final long MISSING = 987_654_321L;

    private TenantWorld world;

    @BeforeEach
    void world() {
        world = TenantWorld.get(admin(), ApiTest::unique, ApiTest::uniqueIp);
    }

    @Test
    void listsAndCountsHoldOnlyTheUsersTenants() {
        Api a = world.operatorA();
        assertThat(ids(a.get("/api/v1/tenants?size=500"))).containsExactly(world.a().id());
        assertThat(a.get("/api/v1/tenants").json().get("total").asLong()).isEqualTo(1);
        assertThat(ids(a.get("/api/v1/node-pools?size=500"))).containsExactly(world.a().pool());
        assertThat(ids(a.get("/api/v1/nodes?size=500"))).containsExactly(world.a().node());
        assertThat(a.get("/api/v1/nodes?tenantId=" + world.b().id()).json().get("total").asLong()).isZero();
        assertThat(a.get("/api/v1/node-pools?tenantId=" + world.b().id()).json().get("total").asLong()).isZero();
        assertThat(a.get("/api/v1/nodes?q=" + world.b().nodeIp()).json().get("total").asLong()).isZero();
        assertThat(ids(a.get("/api/v1/jobs?size=500"))).contains(world.a().job())
                .doesNotContain(world.b().job(), world.spanningJob());
        assertThat(ids(a.get("/api/v1/runs?size=500"))).contains(world.a().run()).doesNotContain(world.b().run());
        assertThat(a.get("/api/v1/runs?jobId=" + world.b().job()).json().get("total").asLong()).isZero();
        assertThat(a.get("/api/v1/runs?nodeId=" + world.b().node()).json().get("total").asLong()).isZero();

        assertThat(ids(world.admin().get("/api/v1/jobs?size=500"))).contains(world.a().job(), world.b().job(), world.spanningJob());
        assertThat(ids(world.globalViewer().get("/api/v1/nodes?q=" + world.b().nodeIp()))).containsExactly(world.b().node());
    }

    @Test
    void anotherTenantsObjectsAnswerAsIfTheyDidNotExist() throws IOException {
        Api a = world.operatorA();
        var b = world.b();
        List<String> reads = List.of("/api/v1/tenants/%d", "/api/v1/node-pools/%d", "/api/v1/nodes/%d", "/api/v1/nodes/%d/pool-history",
                "/api/v1/jobs/%d", "/api/v1/jobs/%d/versions", "/api/v1/runs/%d", "/api/v1/runs/%d/log", "/api/v1/runs/%d/log/window",
                "/api/v1/runs/%d/reports", "/api/v1/runs/%d/judgements", "/api/v1/runs/%d/groups");
        List<Long> theirs = List.of(b.id(), b.pool(), b.node(), b.node(), b.job(), b.job(), b.run(), b.run(), b.run(), b.run(), b.run(), b.run());
        for (int i = 0; i < reads.size(); i++) {
            assertSameAsMissing(a.get(reads.get(i).formatted(theirs.get(i))), a.get(reads.get(i).formatted(MISSING)),
                    theirs.get(i));
        }
        assertSameAsMissing(a.get("/api/v1/node-pools/" + world.sparePool()), a.get("/api/v1/node-pools/" + MISSING), world.sparePool());
        assertSameAsMissing(a.get("/api/v1/nodes/" + world.spareNode()), a.get("/api/v1/nodes/" + MISSING), world.spareNode());
        assertSameAsMissing(a.get("/api/v1/jobs/" + world.spanningJob()), a.get("/api/v1/jobs/" + MISSING), world.spanningJob());

        assertThat(eventStreamStatus(a, b.run())).isEqualTo(404);
        assertThat(eventStreamStatus(world.admin(), b.run())).isEqualTo(200);
    }

    @Test
    void aTenantOperatorActsWithinItsTenantsOnly() {
        Api a = world.operatorA();
        var b = world.b();
        assertSameAsMissing(a.post("/api/v1/nodes/" + b.node() + "/lock", "{\"reason\":\"mine now\"}"),
                a.post("/api/v1/nodes/" + MISSING + "/lock", "{\"reason\":\"mine now\"}"), b.node());
        assertSameAsMissing(a.post("/api/v1/node-pools/" + b.pool() + "/lock", "{\"reason\":\"x\"}"),
                a.post("/api/v1/node-pools/" + MISSING + "/lock", "{\"reason\":\"x\"}"), b.pool());
        assertSameAsMissing(a.post("/api/v1/jobs/" + b.job() + "/runs", "{}"), a.post("/api/v1/jobs/" + MISSING + "/runs", "{}"), b.job());
        assertSameAsMissing(a.post("/api/v1/jobs/" + world.spanningJob() + "/runs", "{}"),
                a.post("/api/v1/jobs/" + MISSING + "/runs", "{}"), world.spanningJob());
        assertSameAsMissing(a.post("/api/v1/runs/" + b.run() + "/cancel", "{}"), a.post("/api/v1/runs/" + MISSING + "/cancel", "{}"), b.run());
        assertSameAsMissing(a.post("/api/v1/runs/" + b.run() + "/rerun-failed", "{}"),
                a.post("/api/v1/runs/" + MISSING + "/rerun-failed", "{}"), b.run());
        String job = TenantWorld.job(unique("theirs"), world.templateId(), "node", b.node());
        assertSameAsMissing(a.put("/api/v1/jobs/" + b.job(), job), a.put("/api/v1/jobs/" + MISSING, job), b.job());
        assertSameAsMissing(a.delete("/api/v1/jobs/" + b.job()), a.delete("/api/v1/jobs/" + MISSING), b.job());

        var lock = a.post("/api/v1/nodes/" + world.a().node() + "/lock", "{\"reason\":\"tenant maintenance\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(200);
        assertThat(a.post("/api/v1/nodes/" + world.a().node() + "/unlock", "{}").status()).isEqualTo(200);
        var viewerLock = world.viewerA().post("/api/v1/nodes/" + world.a().node() + "/lock", "{\"reason\":\"x\"}");
        assertThat(viewerLock.status()).isEqualTo(403);

        var mine = a.post("/api/v1/jobs", TenantWorld.job(unique("mine"), world.templateId(), "node_pool", world.a().pool()));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        var run = a.post("/api/v1/jobs/" + mine.id() + "/runs", "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        assertThat(world.operatorB().get("/api/v1/runs/" + run.id()).status()).isEqualTo(404);
        assertThat(world.admin().get("/api/v1/runs/" + run.id()).status()).isEqualTo(200);

        var intoB = a.post("/api/v1/jobs", TenantWorld.job(unique("sneaky"), world.templateId(), "node", b.node()));
        var intoNothing = a.post("/api/v1/jobs", TenantWorld.job(unique("sneaky"), world.templateId(), "node", MISSING));
        assertThat(intoB.status()).isEqualTo(400);
        assertThat(intoB.json().get("detail").asString()).isEqualTo(
                intoNothing.json().get("detail").asString().replace(Long.toString(MISSING), Long.toString(b.node())));
        var intoSpare = a.post("/api/v1/jobs", TenantWorld.job(unique("sneaky"), world.templateId(), "node_pool", world.sparePool()));
        assertThat(intoSpare.status()).isEqualTo(400);
    }

    @Test
    void theCatalogIsReadOnlyAndTheRestIsTheOperationsTeams() {
        Api a = world.operatorA();
        assertThat(a.get("/api/v1/templates/" + world.templateId()).status()).isEqualTo(200);
        assertThat(a.get("/api/v1/roles").status()).isEqualTo(200);
        assertThat(a.get("/api/v1/auth/me").json().get("tenantRoles").get(0).get("tenantId").asLong()).isEqualTo(world.a().id());
        assertForbidden(a.post("/api/v1/shells", "{\"name\":\"x\",\"command\":\"true\",\"parameters\":[]}"));
        assertForbidden(a.put("/api/v1/templates/" + world.templateId(), "{\"name\":\"x\",\"steps\":[]}"));
        assertForbidden(a.post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\",\"nodePoolId\":" + world.a().pool() + "}"));
        assertForbidden(a.post("/api/v1/node-pools", "{\"name\":\"x\",\"tenantId\":" + world.a().id() + "}"));
        assertForbidden(a.post("/api/v1/tenants", "{\"name\":\"x\"}"));
        assertForbidden(a.get("/api/v1/credentials"));
        assertForbidden(a.get("/api/v1/labels"));
        assertForbidden(a.get("/api/v1/users"));
        assertForbidden(a.get("/api/v1/nodes/" + world.a().node() + "/agent"));
    }

    @Test
    void theAuditTrailSaysWhichTenantAndFiltersByTenantActorObjectAndTime() {
        Instant from = Instant.now();
        Api a = world.operatorA();
        long node = world.a().node();
        assertThat(a.post("/api/v1/nodes/" + node + "/lock", "{\"reason\":\"audit me\"}").status()).isEqualTo(200);
        assertThat(a.post("/api/v1/nodes/" + node + "/unlock", "{}").status()).isEqualTo(200);
        String query = "/api/v1/audit-events?tenantId=%d&actor=%s&entityType=node&entityId=%d&from=%s"
                .formatted(world.a().id(), world.operatorAName(), node, from);
        JsonNode events = world.admin().get(query).json();
        assertThat(events.get("total").asLong()).isEqualTo(2);
        JsonNode locked = events.get("items").get(1);
        assertThat(locked.get("action").asString()).isEqualTo("node.locked");
        assertThat(locked.get("tenantId").asLong()).isEqualTo(world.a().id());
        assertThat(locked.get("before").asString()).contains("\"locked\":false");
        assertThat(locked.get("after").asString()).contains("audit me");

        assertThat(a.get(query).json().get("total").asLong()).isEqualTo(2);
        assertThat(world.viewerA().get(query).json().get("total").asLong()).isEqualTo(2);
        assertThat(world.operatorB().get(query).json().get("total").asLong()).isZero();
        assertThat(world.operatorB().get("/api/v1/audit-events?entityType=node&entityId=" + node).json().get("total").asLong()).isZero();
        // The operations team's own events (users, catalog) are not a tenant's business.
        assertThat(a.get("/api/v1/audit-events?entityType=user&size=500").json().get("total").asLong()).isZero();
        assertThat(world.admin().get("/api/v1/audit-events?tenantId=" + world.b().id() + "&entityType=node&entityId=" + node)
                .json().get("total").asLong()).isZero();
    }

    @Test
    void aTokenReachesExactlyAsFarAsItsUserDoesNow() {
        var member = TenantWorld.member(world.admin(), ApiTest::unique, world.a().id(), "OPERATOR");
        assertThat(ids(member.api().get("/api/v1/node-pools"))).containsExactly(world.a().pool());
        var moved = world.admin().put("/api/v1/users/" + member.id(), """
                {"role":null,"tenantRoles":[{"tenantId":%d,"role":"VIEWER"}]}""".formatted(world.b().id()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(ids(member.api().get("/api/v1/node-pools"))).containsExactly(world.b().pool());
        assertThat(member.api().get("/api/v1/node-pools/" + world.a().pool()).status()).isEqualTo(404);
        assertThat(member.api().post("/api/v1/nodes/" + world.b().node() + "/lock", "{\"reason\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void aUserIsEitherOfTheOperationsTeamOrOfTenants() {
        Api admin = world.admin();
        long tenant = world.a().id();
        assertInvalid(admin.post("/api/v1/users", user("OPERATOR", "[{\"tenantId\":" + tenant + ",\"role\":\"VIEWER\"}]")), "tenantRoles");
        assertInvalid(admin.post("/api/v1/users", user(null, "[]")), "role");
        assertInvalid(admin.post("/api/v1/users", user(null, "[{\"tenantId\":" + MISSING + ",\"role\":\"VIEWER\"}]")),
                "tenantRoles[0].tenantId");
        assertInvalid(admin.post("/api/v1/users", user(null, "[{\"tenantId\":" + tenant + ",\"role\":\"ADMIN\"}]")),
                "tenantRoles[0].role");
        var created = admin.post("/api/v1/users", user(null, "[{\"tenantId\":" + tenant + ",\"role\":\"OPERATOR\"}]"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().hasNonNull("role")).isFalse();
        assertThat(created.json().get("tenantRoles").get(0).get("role").asString()).isEqualTo("OPERATOR");
        JsonNode audit = admin.get("/api/v1/audit-events?entityType=user&entityId=" + created.id()).json().get("items").get(0);
        assertThat(audit.get("summary").asString()).contains("OPERATOR of tenant " + tenant);
    }

    static int eventStreamStatus(Api api, long runId) throws IOException {
        var stream = api.header("Accept", "text/event-stream").stream("/api/v1/runs/" + runId + "/events");
        try (var body = stream.body()) {
            return stream.statusCode();
        }
    }

    private static String user(String role, String tenantRoles) {
        return """
                {"username":"%s","password":"pw-long-enough-Secret","role":%s,"tenantRoles":%s}"""
                .formatted(unique("u"), role == null ? "null" : "\"" + role + "\"", tenantRoles);
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains(field);
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    /** The same status and words as for an id that never existed: nothing tells the two apart. */
    static void assertSameAsMissing(Api.Response theirs, Api.Response missing, long theirId) {
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(404);
        assertThat(theirs.isProblem()).isTrue();
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(theirs.json().get("detail").asString()).isEqualTo(
                missing.json().get("detail").asString().replace(Long.toString(MISSING), Long.toString(theirId)));
    }

    static List<Long> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
