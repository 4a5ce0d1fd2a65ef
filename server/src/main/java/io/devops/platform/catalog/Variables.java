package io.devops.platform.catalog;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The variables of each role. */
@Repository
class Variables {

    private final JdbcClient jdbc;

    Variables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Variable v, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO variables (role_id, var_name, action_type, var_type, choices, is_required, default_value,
                                       description, value_schema, templated, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.roleId(), v.name(), v.actionType(), v.type().name(),
                        v.choices().isEmpty() ? null : String.join("\n", v.choices()), v.required(), v.defaultValue(),
                        v.description(), v.schema() == null ? null : v.schema().toString(), v.templated(), DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Variable> ofRole(long roleId) {
        return jdbc.sql("SELECT * FROM variables WHERE role_id = ? ORDER BY id").param(roleId)
                .query(Variables::row).list();
    }

    Optional<Variable> byId(long id) {
        return jdbc.sql("SELECT * FROM variables WHERE id = ?").param(id).query(Variables::row).optional();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM variables WHERE id = ?").param(id).update();
    }

    /** The operators (name and version) whose value sets give this variable a value. */
    List<String> operatorsUsing(long variableId) {
        return jdbc.sql("""
                SELECT o.name, o.opt_version FROM operators o JOIN role_variables rv ON rv.value_set_id = o.value_set_id
                WHERE rv.variable_id = ? ORDER BY o.id""")
                .param(variableId)
                .query((rs, row) -> rs.getString("name") + " v" + rs.getInt("opt_version")).list();
    }

    /** Whether any value set, even one no operator uses any more, holds a value for it. */
    boolean hasValues(long variableId) {
        return jdbc.sql("SELECT COUNT(*) FROM role_variables WHERE variable_id = ?").param(variableId)
                .query(Long.class).single() > 0;
    }

    private static Variable row(ResultSet rs, int row) throws SQLException {
        String choices = rs.getString("choices");
        String schema = rs.getString("value_schema");
        return new Variable(rs.getLong("id"), rs.getLong("role_id"), rs.getString("var_name"),
                rs.getString("action_type"), VariableType.valueOf(rs.getString("var_type")),
                choices == null ? List.of() : Arrays.asList(choices.split("\n")), rs.getBoolean("is_required"),
                rs.getString("default_value"), rs.getString("description"),
                schema == null ? null : JsonMapper.shared().readTree(schema), rs.getBoolean("templated"));
    }
}
