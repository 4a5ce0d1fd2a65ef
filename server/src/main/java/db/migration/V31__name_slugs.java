package db.migration;

import io.devops.platform.shared.Slug;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tenants and pools take any Unicode name; the identifier Ansible's inventory groups need
 * ({@code tenant_<slug>}, {@code pool_<slug>}) is derived from it and kept unique. In Java because
 * the slug's hash has no portable SQL spelling, and the same {@link Slug} must derive it here and
 * at every later save.
 */
public class V31__name_slugs extends BaseJavaMigration {

    private static final List<String> TABLES = List.of("tenants", "node_pools");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String table : TABLES) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("ALTER TABLE " + table + " ADD COLUMN slug VARCHAR(64)");
            }
            fill(connection, table, names(connection, table));
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("ALTER TABLE " + table + " ADD CONSTRAINT uk_" + table + "_slug UNIQUE (slug)");
            }
        }
    }

    private static Map<Long, String> names(Connection connection, String table) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery("SELECT id, name FROM " + table)) {
            while (rs.next()) {
                names.put(rs.getLong("id"), rs.getString("name"));
            }
        }
        return names;
    }

    private static void fill(Connection connection, String table, Map<Long, String> names) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET slug = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> row : names.entrySet()) {
                update.setString(1, Slug.of(row.getValue()));
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
