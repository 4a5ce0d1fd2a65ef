package io.devops.platform.catalog;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operators table: one row per operator version. */
@Repository
class Operators {

    private final JdbcClient jdbc;

    Operators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Names of the operators (latest, not deleted) that use the role. */
    List<String> activeNamesUsingRole(long roleId) {
        return jdbc.sql("SELECT name FROM operators WHERE role_id = ? AND is_latest = TRUE AND is_deleted = FALSE ORDER BY id")
                .param(roleId).query(String.class).list();
    }
}
