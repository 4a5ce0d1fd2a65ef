package io.devops.platform.catalog;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import io.devops.platform.credentials.SealedSecretHolder;
import org.springframework.stereotype.Repository;

/**
 * The seed's role_variables: versioned value sets per role and package version. A set is never
 * changed; saving values equal to an existing set reuses it, other values make the next version.
 */
@Repository
class ValueSets implements SealedSecretHolder {

    /** A stored set: its id and version, and the values by variable id. */
    record ValueSet(long id, int version, Map<Long, String> values) {
    }

    private final JdbcClient jdbc;

    ValueSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ValueSet findOrCreate(long roleId, String pkgVersion, Map<Long, String> values, Instant at, String by) {
        List<Long> ids = jdbc.sql("SELECT id FROM value_sets WHERE role_id = ? AND pkg_version = ? ORDER BY version")
                .params(roleId, pkgVersion).query(Long.class).list();
        for (long id : ids) {
            ValueSet existing = byId(id);
            if (existing.values().equals(values)) {
                return existing;
            }
        }
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM value_sets WHERE role_id = ? AND pkg_version = ?")
                .params(roleId, pkgVersion).query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO value_sets (role_id, pkg_version, version, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(roleId, pkgVersion, version, DbTime.toDb(at), by).update(keys, "id");
        long id = keys.getKey().longValue();
        values.forEach((variableId, value) -> jdbc.sql(
                        "INSERT INTO role_variables (value_set_id, variable_id, variable_value) VALUES (?, ?, ?)")
                .params(id, variableId, value).update());
        return new ValueSet(id, version, values);
    }

    /** Values of secret variables are sealed: a changed master key would leave them unreadable. */
    @Override
    public boolean holdsSealedSecrets() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM role_variables rv JOIN variables v ON v.id = rv.variable_id WHERE v.var_type = 'SECRET'""")
                .query(Long.class).single() > 0;
    }

    ValueSet byId(long id) {
        int version = jdbc.sql("SELECT version FROM value_sets WHERE id = ?").param(id).query(Integer.class).single();
        Map<Long, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT variable_id, variable_value FROM role_variables WHERE value_set_id = ? ORDER BY variable_id")
                .param(id)
                .query(rs -> {
                    values.put(rs.getLong("variable_id"), rs.getString("variable_value"));
                });
        return new ValueSet(id, version, values);
    }
}
