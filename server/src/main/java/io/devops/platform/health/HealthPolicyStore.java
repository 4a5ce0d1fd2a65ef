package io.devops.platform.health;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The tables of V52: policies, their immutable versions (the spec as JSON) and pools' own choices. */
@Component
class HealthPolicyStore {

    record Head(long id, String name, int latestVersion) {
    }

    record Stored(long policyId, int version, HealthPolicySpec spec, Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HealthPolicyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Head> heads() {
        return jdbc.sql("SELECT id, name, latest_version FROM health_policies ORDER BY name, id").query(Head.class).list();
    }

    Optional<Head> head(long id) {
        return jdbc.sql("SELECT id, name, latest_version FROM health_policies WHERE id = ?").param(id).query(Head.class).optional();
    }

    Optional<Head> byName(String name) {
        return jdbc.sql("SELECT id, name, latest_version FROM health_policies WHERE name = ?").param(name).query(Head.class).optional();
    }

    /** Locks the policy's row until the transaction ends, so that two new versions cannot take one number. */
    Optional<Head> lock(long id) {
        return jdbc.sql("SELECT id, name, latest_version FROM health_policies WHERE id = ? FOR UPDATE").param(id)
                .query(Head.class).optional();
    }

    long insert(HealthPolicySpec spec, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO health_policies (name, latest_version, created_at, created_by) VALUES (?, 1, ?, ?)")
                .params(spec.name(), DbTime.toDb(at), by).update(keys, "id");
        long id = keys.getKey().longValue();
        insertVersion(id, 1, spec, at, by);
        return id;
    }

    void addVersion(long id, int version, HealthPolicySpec spec, Instant at, String by) {
        insertVersion(id, version, spec, at, by);
        jdbc.sql("UPDATE health_policies SET latest_version = ? WHERE id = ?").params(version, id).update();
    }

    Optional<Stored> version(long id, int version) {
        return jdbc.sql("SELECT policy_id, version, body, created_at, created_by FROM health_policy_versions "
                        + "WHERE policy_id = ? AND version = ?")
                .params(id, version).query((rs, n) -> new Stored(rs.getLong("policy_id"), rs.getInt("version"),
                        json.readValue(rs.getString("body"), HealthPolicySpec.class), DbTime.read(rs, "created_at"),
                        rs.getString("created_by"))).optional();
    }

    List<Integer> versionNumbers(long id) {
        return jdbc.sql("SELECT version FROM health_policy_versions WHERE policy_id = ? ORDER BY version DESC").param(id)
                .query(Integer.class).list();
    }

    Optional<Long> poolPolicy(long poolId) {
        return jdbc.sql("SELECT policy_id FROM pool_health_policies WHERE pool_id = ?").param(poolId).query(Long.class).optional();
    }

    void setPoolPolicy(long poolId, Long policyId) {
        jdbc.sql("DELETE FROM pool_health_policies WHERE pool_id = ?").param(poolId).update();
        if (policyId != null) {
            jdbc.sql("INSERT INTO pool_health_policies (pool_id, policy_id) VALUES (?, ?)").params(poolId, policyId).update();
        }
    }

    /** The pool's tenant (null: the provider's own pool), if the pool exists. */
    Optional<PoolRef> pool(long poolId) {
        return jdbc.sql("SELECT id, tenant_id FROM node_pools WHERE id = ?").param(poolId)
                .query((rs, n) -> new PoolRef(rs.getLong("id"), rs.getObject("tenant_id", Long.class))).optional();
    }

    List<Long> poolsUsing(long policyId) {
        return jdbc.sql("SELECT pool_id FROM pool_health_policies WHERE policy_id = ? ORDER BY pool_id").param(policyId)
                .query(Long.class).list();
    }

    record PoolRef(long id, Long tenantId) {
    }

    private void insertVersion(long id, int version, HealthPolicySpec spec, Instant at, String by) {
        jdbc.sql("INSERT INTO health_policy_versions (policy_id, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(id, version, json.writeValueAsString(spec), DbTime.toDb(at), by).update();
    }
}
