package io.devops.platform.overview;

import io.devops.platform.identity.TenantScope;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.overview.Overview.BusBandwidthDay;
import io.devops.platform.overview.Overview.FailedCheck;
import io.devops.platform.overview.Overview.FailingCheck;
import io.devops.platform.overview.Overview.PassRateDay;
import io.devops.platform.overview.Overview.PoolStates;
import io.devops.platform.overview.Overview.RunLine;
import io.devops.platform.overview.Overview.TenantStates;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The overview's queries. Every one starts from what the caller may see, as the node and run lists
 * do: nodes through their pool's tenant (the spare pool only for the operations team), runs through
 * {@code runs.tenant_id}, and a verdict only when both its node and its run are seen. Days are UTC
 * days, grouped here so that H2 and MariaDB answer alike.
 */
@Component
class OverviewQueries {

    static final int LIST_LIMIT = 20;
    static final String NCCL_CHECK = "nccl_all_reduce";
    private static final String UNKNOWN_MODEL = "unknown";

    private final JdbcClient jdbc;
    private final TenantScopes scopes;
    private final Clock clock;

    OverviewQueries(JdbcClient jdbc, TenantScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    Overview overview(Long poolId, int days) {
        Scope scope = scope(poolId);
        Instant since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<PoolStates> pools = poolStates(scope);
        boolean withRuns = poolId == null;
        return new Overview(poolId, days, sum(pools.stream().map(PoolStates::states).toList()), pools, tenants(pools),
                failingChecks(scope), withRuns ? runs(scope, "('QUEUED','RUNNING')") : List.of(),
                withRuns ? runs(scope, "('FAILED','INTERRUPTED')") : List.of(), latestFailures(scope),
                passRate(scope, since), busBandwidth(scope, since));
    }

    /** SQL conditions (on literals only: ids, never text a user typed) for nodes ({@code p}) and runs ({@code r}). */
    private record Scope(String pools, String runs, boolean global) {
    }

    private Scope scope(Long poolId) {
        TenantScope scope = scopes.current();
        String tenants = scope.global() ? "1=1" : "p.tenant_id IN (" + scope.tenantIdLiterals() + ")";
        String runs = scope.global() ? "1=1" : "r.tenant_id IN (" + scope.tenantIdLiterals() + ")";
        if (poolId != null) {
            Long tenant = jdbc.sql("SELECT tenant_id FROM node_pools WHERE id = ?").param(poolId)
                    .query((rs, row) -> rs.getObject("tenant_id", Long.class)).optional()
                    .orElseThrow(() -> new NotFoundException("Node pool", poolId));
            scopes.requireVisible(tenant, "Node pool", poolId);
            tenants = tenants + " AND p.id = " + poolId;
        }
        return new Scope(tenants, runs, scope.global());
    }

    /** The verdicts the caller may see: of a seen node, and (for a tenant user) judged in a run of its tenants. */
    private static String verdictsFrom(Scope scope) {
        return " FROM acceptance_verdicts v JOIN nodes n ON n.id = v.node_id JOIN node_pools p ON p.id = n.node_pool_id"
                + (scope.global() ? "" : " JOIN runs r ON r.id = v.run_id")
                + " WHERE " + scope.pools() + (scope.global() ? "" : " AND " + scope.runs());
    }

    private List<PoolStates> poolStates(Scope scope) {
        Map<Long, PoolStates> pools = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.id, p.name, p.tenant_id, t.name AS tenant_name, nl.state, COUNT(*) AS nodes
                FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id LEFT JOIN tenants t ON t.id = p.tenant_id
                LEFT JOIN node_lifecycle nl ON nl.node_id = n.id
                WHERE %s GROUP BY p.id, p.name, p.tenant_id, t.name, nl.state ORDER BY p.name, p.id""".formatted(scope.pools()))
                .query((RowCallbackHandler) rs -> {
                    Long tenant = rs.getObject("tenant_id", Long.class);
                    PoolStates pool = pools.computeIfAbsent(rs.getLong("id"), id -> new PoolStates(id, text(rs, "name"), tenant,
                            text(rs, "tenant_name"), 0, new TreeMap<>()));
                    // A node without a lifecycle row is where its pool puts it (lifecycle.Lifecycles.current).
                    String state = rs.getString("state") != null ? rs.getString("state") : tenant == null ? "NEW" : "DELIVERED";
                    pool.states().merge(state, rs.getLong("nodes"), Long::sum);
                });
        return pools.values().stream().map(pool -> new PoolStates(pool.poolId(), pool.poolName(), pool.tenantId(), pool.tenantName(),
                total(pool.states()), pool.states())).toList();
    }

    private static List<TenantStates> tenants(List<PoolStates> pools) {
        Map<Long, List<PoolStates>> byTenant = pools.stream().collect(Collectors.groupingBy(
                pool -> pool.tenantId() == null ? -1L : pool.tenantId(), LinkedHashMap::new, Collectors.toList()));
        return byTenant.values().stream().map(of -> {
            Map<String, Long> states = sum(of.stream().map(PoolStates::states).toList());
            return new TenantStates(of.get(0).tenantId(), of.get(0).tenantName(), total(states), states);
        }).sorted(Comparator.comparing(TenantStates::tenantId, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    /** Nodes whose latest verdict for the check is FAIL or ERROR, the most failing check first. */
    private List<FailingCheck> failingChecks(Scope scope) {
        return jdbc.sql("""
                SELECT v.check_name, COUNT(*) AS nodes
                FROM acceptance_verdicts v
                JOIN (SELECT node_id, check_name, MAX(id) AS id FROM acceptance_verdicts GROUP BY node_id, check_name) l ON l.id = v.id
                JOIN nodes n ON n.id = v.node_id JOIN node_pools p ON p.id = n.node_pool_id
                WHERE v.verdict IN ('FAIL','ERROR') AND %s
                GROUP BY v.check_name ORDER BY nodes DESC, v.check_name""".formatted(scope.pools()))
                .query((rs, row) -> new FailingCheck(rs.getString("check_name"), rs.getLong("nodes"))).list();
    }

    private List<RunLine> runs(Scope scope, String statuses) {
        return jdbc.sql("""
                SELECT r.id, r.job_name, r.status, r.executed_by, r.queued_at, r.started_at, r.finished_at, r.message
                FROM runs r WHERE r.status IN %s AND %s ORDER BY r.id DESC LIMIT %d""".formatted(statuses, scope.runs(), LIST_LIMIT))
                .query((rs, row) -> new RunLine(rs.getLong("id"), rs.getString("job_name"), rs.getString("status"),
                        rs.getString("executed_by"), DbTime.read(rs, "queued_at"), DbTime.read(rs, "started_at"),
                        DbTime.read(rs, "finished_at"), rs.getString("message"))).list();
    }

    private List<FailedCheck> latestFailures(Scope scope) {
        return jdbc.sql("SELECT v.*, n.hostname" + verdictsFrom(scope) + " AND v.verdict IN ('FAIL','ERROR') ORDER BY v.id DESC LIMIT "
                        + LIST_LIMIT)
                .query((rs, row) -> new FailedCheck(rs.getLong("node_id"), rs.getString("ip"), rs.getString("hostname"),
                        rs.getString("check_name"), rs.getString("verdict"), rs.getObject("measured", Double.class),
                        rs.getObject("threshold", Double.class), rs.getString("unit"), rs.getString("message"), rs.getLong("run_id"),
                        DbTime.read(rs, "judged_at"))).list();
    }

    /** A node's checks in one run are one judgement: passed when none of them is FAIL or ERROR (WARN passes, as at delivery). */
    private List<PassRateDay> passRate(Scope scope, Instant since) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        jdbc.sql("SELECT v.run_id, v.node_id, MAX(v.judged_at) AS judged_at,"
                        + " SUM(CASE WHEN v.verdict IN ('FAIL','ERROR') THEN 1 ELSE 0 END) AS failed" + verdictsFrom(scope)
                        + " AND v.judged_at >= ? GROUP BY v.run_id, v.node_id")
                .param(DbTime.toDb(since))
                .query((RowCallbackHandler) rs -> {
                    long[] counts = days.computeIfAbsent(day(DbTime.read(rs, "judged_at")), day -> new long[2]);
                    counts[0]++;
                    counts[1] += rs.getLong("failed") == 0 ? 1 : 0;
                });
        return days.entrySet().stream().map(day -> new PassRateDay(day.getKey(), day.getValue()[0], day.getValue()[1],
                Math.round(1000.0 * day.getValue()[1] / day.getValue()[0]) / 1000.0)).toList();
    }

    private List<BusBandwidthDay> busBandwidth(Scope scope, Instant since) {
        Map<LocalDate, Map<String, DoubleSummaryStatistics>> days = new TreeMap<>();
        jdbc.sql("SELECT v.judged_at, n.gpu_type, v.measured" + verdictsFrom(scope)
                        + " AND v.check_name = ? AND v.measured IS NOT NULL AND v.judged_at >= ?")
                .params(NCCL_CHECK, DbTime.toDb(since))
                .query((RowCallbackHandler) rs -> {
                    String model = rs.getString("gpu_type") == null || rs.getString("gpu_type").isBlank() ? UNKNOWN_MODEL
                            : rs.getString("gpu_type");
                    days.computeIfAbsent(day(DbTime.read(rs, "judged_at")), day -> new TreeMap<>())
                            .computeIfAbsent(model, m -> new DoubleSummaryStatistics()).accept(rs.getDouble("measured"));
                });
        List<BusBandwidthDay> points = new ArrayList<>();
        days.forEach((day, models) -> models.forEach((model, stats) -> points.add(new BusBandwidthDay(day, model, stats.getCount(),
                round(stats.getAverage()), round(stats.getMin()), round(stats.getMax())))));
        return points;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static Map<String, Long> sum(List<Map<String, Long>> counts) {
        Map<String, Long> total = new TreeMap<>();
        counts.forEach(each -> each.forEach((state, n) -> total.merge(state, n, Long::sum)));
        return total;
    }

    private static long total(Map<String, Long> states) {
        return states.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String text(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
