package io.devops.platform.inventory;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.Slug;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading the column groups that several inventory tables share. */
final class Rows {

    private Rows() {
    }

    static AuditStamp stamp(ResultSet rs, String alias) throws SQLException {
        return new AuditStamp(DbTime.read(rs, alias + "created_at"), rs.getString(alias + "created_by"),
                DbTime.read(rs, alias + "updated_at"), rs.getString(alias + "updated_by"), rs.getLong(alias + "version"));
    }

    static LockState lock(ResultSet rs, String alias) throws SQLException {
        if (!rs.getBoolean(alias + "is_locked")) {
            return LockState.UNLOCKED;
        }
        return new LockState(true, rs.getString(alias + "locked_by"), DbTime.read(rs, alias + "locked_at"),
                rs.getString(alias + "lock_reason"));
    }

    /** The row's stored slug; a row written around the services (a test's own SQL) gets it derived from its name. */
    static String slug(ResultSet rs, String alias) throws SQLException {
        String stored = rs.getString(alias + "slug");
        return stored != null ? stored : Slug.of(rs.getString(alias + "name"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
