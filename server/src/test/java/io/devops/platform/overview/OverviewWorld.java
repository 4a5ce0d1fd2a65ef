package io.devops.platform.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.support.Api;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builders for the overview tests: tenants, pools, nodes and users through the real API; verdicts
 * through the acceptance module's public API; runs as rows (the overview only reads them, and a run
 * that stays RUNNING cannot be had from a real execution without holding one open).
 */
final class OverviewWorld {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api admin;
    private final Function<String, String> unique;
    private final Supplier<String> uniqueIp;
    private final AcceptanceVerdicts verdicts;
    private final JdbcClient jdbc;

    OverviewWorld(Api admin, Function<String, String> unique, Supplier<String> uniqueIp, AcceptanceVerdicts verdicts,
                  JdbcClient jdbc) {
        this.admin = admin;
        this.unique = unique;
        this.uniqueIp = uniqueIp;
        this.verdicts = verdicts;
        this.jdbc = jdbc;
    }

    record Tenant(long id, String name, long pool, String poolName) {
    }

    record Node(long id, String ip) {
    }

    Tenant tenant() {
        String name = unique.apply("tenant");
        long tenant = created(admin.post("/api/v1/tenants", JSON.createObjectNode().put("name", name).toString()));
        String poolName = unique.apply("pool");
        long pool = created(admin.post("/api/v1/node-pools",
                JSON.createObjectNode().put("name", poolName).put("tenantId", tenant).toString()));
        return new Tenant(tenant, name, pool, poolName);
    }

    Node node(long pool, String gpuType) {
        String ip = uniqueIp.get();
        long id = created(admin.post("/api/v1/nodes", JSON.createObjectNode().put("ip", ip).put("nodePoolId", pool)
                .put("gpuType", gpuType).put("gpuCount", 8).toString()));
        return new Node(id, ip);
    }

    void maintenance(long node, String reason) {
        var moved = admin.post("/api/v1/nodes/" + node + "/lifecycle",
                JSON.createObjectNode().put("to", "MAINTENANCE").put("reason", reason).toString());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    /** A run of the tenant (null: the operations team's) with this status. */
    long run(Long tenant, String status, String jobName) {
        var keys = new GeneratedKeyHolder();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO runs (job_id, original_job_id, job_version, job_name, failure_policy, status, executed_by,
                                  run_kind, queued_at, started_at, finished_at, tenant_id, executor)
                VALUES (0, 0, 1, ?, 'STOP', ?, 'admin', 'RUN', ?, ?, ?, ?, 'overview-tests')""")
                .params(jobName, status, now, now, status.equals("RUNNING") ? null : now, tenant)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Ends the rows this test left RUNNING, so that nothing else ever reads them as in progress. */
    void endRuns() {
        jdbc.sql("UPDATE runs SET status = 'CANCELLED', finished_at = CURRENT_TIMESTAMP WHERE executor = 'overview-tests'"
                + " AND status = 'RUNNING'").update();
    }

    void verdict(Node node, long run, String check, CheckVerdict verdict, Double measured, String message) {
        verdicts.record(run, null, node.id(), node.ip(), CheckResult.measured(check, verdict, measured, measured == null ? null : 460.0,
                measured == null ? null : "GB/s", message), Instant.now());
    }

    /** A tenant user (no global role) with {@code role} in {@code tenant}. */
    Api member(long tenant, String role) {
        String username = unique.apply("member");
        String password = "pw-" + unique.apply("secret") + "-Long";
        var created = admin.post("/api/v1/users", """
                {"username":"%s","password":"%s","role":null,"tenantRoles":[{"tenantId":%d,"role":"%s"}]}"""
                .formatted(username, password, tenant, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return admin.basic(username, password);
    }

    static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.id();
    }
}
