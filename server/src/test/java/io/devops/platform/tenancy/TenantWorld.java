package io.devops.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two tenants with a pool, a node, a job and a run each, a job spanning both, a node in the spare
 * pool, and users: an OPERATOR of A, an OPERATOR of B, a VIEWER of A, and the operations team
 * (the admin and a global VIEWER). Built once through the real API and shared by the tenancy tests.
 */
record TenantWorld(Tenant a, Tenant b, long sparePool, long spareNode, String spareIp, long spanningJob, String spanningJobName,
                   long templateId, Api admin, Api operatorA, Api viewerA, Api operatorB, Api globalViewer,
                   String operatorAName, long operatorAId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TenantWorld shared;

    /** The objects of one tenant; names are unique, so finding one in an answer shows a leak. */
    record Tenant(long id, String name, long pool, String poolName, long node, String nodeIp, long job, String jobName, long run,
                  long schedule) {

        List<String> markers() {
            return List.of(name, poolName, nodeIp, jobName);
        }
    }

    static synchronized TenantWorld get(Api admin, Function<String, String> unique, java.util.function.Supplier<String> uniqueIp) {
        if (shared == null) {
            shared = build(admin, unique, uniqueIp);
        }
        return shared;
    }

    private static TenantWorld build(Api admin, Function<String, String> unique, java.util.function.Supplier<String> uniqueIp) {
        long templateId = template(admin, unique);
        Tenant a = tenant(admin, unique, uniqueIp, templateId);
        Tenant b = tenant(admin, unique, uniqueIp, templateId);
        long sparePool = admin.get("/api/v1/node-pools?name=spare_nodepool").json().get("items").get(0).get("id").asLong();
        String spareIp = uniqueIp.get();
        long spareNode = created(admin.post("/api/v1/nodes", "{\"ip\":\"" + spareIp + "\"}"));
        String spanningName = unique.apply("span_job");
        long spanningJob = created(admin.post("/api/v1/jobs", job(spanningName, templateId, "node", a.node(), b.node())));
        Member operatorA = member(admin, unique, a.id(), "OPERATOR");
        return new TenantWorld(a, b, sparePool, spareNode, spareIp, spanningJob, spanningName, templateId, admin,
                operatorA.api(), member(admin, unique, a.id(), "VIEWER").api(), member(admin, unique, b.id(), "OPERATOR").api(),
                global(admin, unique, "VIEWER"), operatorA.username(), operatorA.id());
    }

    private static Tenant tenant(Api admin, Function<String, String> unique, java.util.function.Supplier<String> uniqueIp,
                                 long templateId) {
        String name = unique.apply("tenant");
        long tenant = created(admin.post("/api/v1/tenants", "{\"name\":\"" + name + "\"}"));
        String poolName = unique.apply("pool");
        long pool = created(admin.post("/api/v1/node-pools", "{\"name\":\"" + poolName + "\",\"tenantId\":" + tenant + "}"));
        String ip = uniqueIp.get();
        long node = created(admin.post("/api/v1/nodes", "{\"ip\":\"" + ip + "\",\"nodePoolId\":" + pool + "}"));
        String jobName = unique.apply("job");
        long job = created(admin.post("/api/v1/jobs", job(jobName, templateId, "node_pool", pool)));
        var run = admin.post("/api/v1/jobs/" + job + "/runs", "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        // Paused: it is there to be read, never to start anything.
        long schedule = created(admin.post("/api/v1/jobs/" + job + "/schedules", "{\"cron\":\"0 3 * * *\",\"enabled\":false}"));
        return new Tenant(tenant, name, pool, poolName, node, ip, job, jobName, run.id(), schedule);
    }

    /** A script step that does nothing: the runs fail at once on these unreachable nodes, which is all they need to do. */
    private static long template(Api admin, Function<String, String> unique) {
        ObjectNode shell = JSON.createObjectNode().put("name", unique.apply("noop")).put("command", "true").put("dispatch", "ansible");
        shell.putArray("parameters");
        long shellId = created(admin.post("/api/v1/shells", shell.toString()));
        ObjectNode template = JSON.createObjectNode().put("name", unique.apply("template"));
        template.putArray("steps").addObject().put("type", "script").put("shellId", shellId).putObject("params");
        return created(admin.post("/api/v1/templates", template.toString()));
    }

    static String job(String name, long templateId, String type, long... targetIds) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("failurePolicy", "STOP");
        ObjectNode item = body.putArray("items").addObject().put("templateId", templateId);
        var targets = item.putArray("targets");
        for (long id : targetIds) {
            targets.addObject().put("type", type).put("id", id);
        }
        return body.toString();
    }

    record Member(long id, String username, Api api) {
    }

    /** A tenant user, signed in with an API token of its own (a token reaches as far as its user). */
    static Member member(Api admin, Function<String, String> unique, long tenantId, String role) {
        String username = unique.apply("member");
        String password = "pw-" + unique.apply("secret") + "-Long";
        var created = admin.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":null,"tenantRoles":[{"tenantId":%d,"role":"%s"}]}"""
                .formatted(username, password, tenantId, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Member(created.id(), username, admin.basic(username, password).bearer(token(admin.basic(username, password), unique)));
    }

    static Api global(Api admin, Function<String, String> unique, String role) {
        String username = unique.apply("ops");
        String password = "pw-" + unique.apply("secret") + "-Long";
        var created = admin.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":"%s"}""".formatted(username, password, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return admin.basic(username, password).bearer(token(admin.basic(username, password), unique));
    }

    static String token(Api owner, Function<String, String> unique) {
        var token = owner.post("/api/v1/api-tokens", "{\"name\":\"" + unique.apply("token") + "\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return token.json().get("token").asString();
    }

    static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.id();
    }
}
