package io.devops.platform.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way an edit of a versioned row is written: a conditional {@code UPDATE ... SET ...,
 * version = version + 1 WHERE id = ? AND version = ?}. The database decides atomically, so of two
 * edits based on the same version exactly one wins, and the other gets {@link StaleVersionException}
 * instead of silently overwriting it. The row's table needs a {@code version BIGINT} column.
 */
public final class VersionedUpdate {

    private VersionedUpdate() {
    }

    /**
     * Runs {@code UPDATE table SET assignments, version = version + 1 WHERE id = ?} (plus the version
     * condition unless {@code expected} is any); {@code what} names the row in the problem, e.g. "Tenant 5".
     */
    public static void update(JdbcClient jdbc, String table, long id, ExpectedVersion expected, String what,
                              String assignments, Object... params) {
        List<Object> all = new ArrayList<>(Arrays.asList(params));
        all.add(id);
        String sql = "UPDATE " + table + " SET " + assignments + ", version = version + 1 WHERE id = ?";
        if (!expected.isAny()) {
            sql += " AND version = ?";
            all.add(expected.value());
        }
        if (jdbc.sql(sql).params(all).update() == 0) {
            Long current = jdbc.sql("SELECT version FROM " + table + " WHERE id = ?").param(id).query(Long.class)
                    .optional().orElseThrow(() -> new NotFoundException(what + " does not exist"));
            throw new StaleVersionException(what, expected.value(), current);
        }
    }
}
