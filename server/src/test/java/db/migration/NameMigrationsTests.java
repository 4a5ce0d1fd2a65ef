package db.migration;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.shared.Slug;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V31 and V32 on data that existed before them: slugs for every tenant and pool, and operator clashes resolved, nothing lost. */
@DatabaseIndependent
class NameMigrationsTests {

    private final DataSource db = new DriverManagerDataSource("jdbc:h2:mem:names_" + System.nanoTime()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(db);

    @Test
    void existingTenantsAndPoolsGetTheSlugsTheirNamesDerive() {
        migrateTo("28");
        jdbc.update("INSERT INTO tenants (name, created_at, created_by) VALUES ('West-Cloud', CURRENT_TIMESTAMP(6), 't')");
        jdbc.update("INSERT INTO tenants (name, created_at, created_by) VALUES ('west_cloud', CURRENT_TIMESTAMP(6), 't')");

        migrateTo("latest");

        assertThat(jdbc.queryForList("SELECT name, slug FROM tenants ORDER BY id")).containsExactly(
                Map.of("name", "West-Cloud", "slug", Slug.of("West-Cloud")), Map.of("name", "west_cloud", "slug", "west_cloud"));
        assertThat(jdbc.queryForObject("SELECT slug FROM node_pools WHERE name = 'spare_nodepool'", String.class)).isEqualTo("spare_nodepool");
    }

    @Test
    void liveOperatorsThatLookTheSameAreToldApartAndOnlyLiveHeadsAreKeyed() {
        migrateTo("28");
        jdbc.update("INSERT INTO roles (id, name, source, created_at, created_by) VALUES (900, 'r900', 'USER', CURRENT_TIMESTAMP(6), 't')");
        jdbc.update("INSERT INTO value_sets (id, role_id, pkg_version, version, created_at, created_by) VALUES (900, 900, '550', 1, CURRENT_TIMESTAMP(6), 't')");
        operator(901, 901, 1, false, false); // an old version of lineage 901
        operator(902, 901, 2, true, false);  // its head
        operator(903, 903, 1, true, false);  // another lineage, same name and package version
        operator(904, 904, 1, true, true);   // a deleted one: it keeps its name

        migrateTo("latest");

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, name, live_head FROM operators WHERE role_id = 900 ORDER BY id");
        assertThat(rows).extracting(row -> row.get("name")).containsExactly("driver", "driver", "driver #903", "driver");
        assertThat(rows).extracting(row -> row.get("live_head")).containsExactly(null, true, true, null);
    }

    private void operator(long id, long lineage, int version, boolean latest, boolean deleted) {
        jdbc.update("""
                INSERT INTO operators (id, name, role_id, pkg_version, value_set_id, opt_version, original_opt_id, is_latest, is_deleted,
                                       created_at, created_by)
                VALUES (?, 'driver', 900, '550', 900, ?, ?, ?, ?, CURRENT_TIMESTAMP(6), 't')""", id, version, lineage, latest, deleted);
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target(version).load().migrate();
    }
}
