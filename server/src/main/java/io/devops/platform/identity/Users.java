package io.devops.platform.identity;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import io.devops.platform.shared.VersionedUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Users {

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "id", "username", "username", "role", "role", "createdAt", "created_at");

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    /**
     * Counts the enabled admins and locks their rows until the transaction ends, so that two admins
     * demoting each other at the same moment cannot both see "one more admin is left".
     */
    long lockEnabledAdmins() {
        return jdbc.sql("SELECT id FROM users WHERE role = 'ADMIN' AND enabled = TRUE FOR UPDATE")
                .query(Long.class).list().size();
    }

    Optional<UserAccount> byId(long id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?").param(id).query(Users::map).optional();
    }

    /**
     * Names are compared without regard to case, as MySQL's collation does anyway: the same on H2,
     * so "Alice" can neither sign in as nor be created next to "alice" on either database.
     */
    Optional<UserAccount> byUsername(String username) {
        return jdbc.sql("SELECT * FROM users WHERE LOWER(username) = LOWER(?) ORDER BY id LIMIT 1")
                .param(username).query(Users::map).optional();
    }

    PageResult<UserAccount> page(PageQuery query) {
        List<UserAccount> items = jdbc.sql("SELECT * FROM users" + query.orderBy(SORTABLE, "id") + query.limitOffset())
                .query(Users::map).list();
        return PageResult.of(items, count(), query);
    }

    long insert(String username, String displayName, String passwordHash, Role role, Instant at, String by) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (username, display_name, password_hash, role, enabled, created_at, created_by)
                VALUES (?, ?, ?, ?, TRUE, ?, ?)""")
                .params(username, displayName, passwordHash, nameOf(role), DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An admin's edit: checked against the version it was based on. A user's own password change is not an edit of this kind. */
    void update(long id, String displayName, Role role, boolean enabled, ExpectedVersion expected, Instant at, String by) {
        VersionedUpdate.update(jdbc, "users", id, expected, "User " + id,
                "display_name = ?, role = ?, enabled = ?, updated_at = ?, updated_by = ?",
                displayName, nameOf(role), enabled, DbTime.toDb(at), by);
    }

    private static String nameOf(Role role) {
        return role == null ? null : role.name();
    }

    void updatePassword(long id, String passwordHash, Instant at, String by) {
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(passwordHash, DbTime.toDb(at), by, id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM api_tokens WHERE user_id = ?").param(id).update();
        jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update();
    }

    /** The global role, or null for a tenant user. */
    static Role roleOf(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        return role == null ? null : Role.valueOf(role);
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), roleOf(rs), rs.getBoolean("enabled"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"),
                DbTime.read(rs, "updated_at"), rs.getString("updated_by"), rs.getLong("version"));
    }
}
