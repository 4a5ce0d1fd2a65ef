package io.devops.platform.acceptance;

import io.devops.platform.shared.DbTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of the pass lines: each one a whole set, written once and never changed. */
@Repository
class AcceptanceLines {

    private final JdbcClient jdbc;

    AcceptanceLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LineBook> latest() {
        Optional<Integer> latest = jdbc.sql("SELECT MAX(version) FROM acceptance_line_versions").query(Integer.class).optional();
        return latest.flatMap(this::version);
    }

    Optional<LineBook> version(int version) {
        return jdbc.sql("SELECT * FROM acceptance_line_versions WHERE version = ?").param(version)
                .query((rs, n) -> new LineBook(rs.getInt("version"), DbTime.read(rs, "created_at"), rs.getString("created_by"),
                        rs.getString("comment"), lines(version)))
                .optional();
    }

    List<LineBook> versions() {
        return jdbc.sql("SELECT * FROM acceptance_line_versions ORDER BY version DESC")
                .query((rs, n) -> new LineBook(rs.getInt("version"), DbTime.read(rs, "created_at"), rs.getString("created_by"),
                        rs.getString("comment"), List.of()))
                .list();
    }

    /** Writes the set as the next version and answers its number. */
    int add(List<AcceptanceLine> lines, String comment, Instant at, String by) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM acceptance_line_versions").query(Integer.class).single();
        jdbc.sql("INSERT INTO acceptance_line_versions (version, created_at, created_by, comment) VALUES (?, ?, ?, ?)")
                .params(version, DbTime.toDb(at), by, comment).update();
        for (AcceptanceLine line : lines) {
            jdbc.sql("""
                    INSERT INTO acceptance_lines (version, check_name, metric, gpu_model, gpu_count, node_count, fabric, min_value, unit, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(version, line.check(), line.metric(), line.gpuModel(), line.gpuCount(), line.nodeCount(), line.fabric(),
                            BigDecimal.valueOf(line.minValue()), line.unit(), line.source())
                    .update();
        }
        return version;
    }

    private List<AcceptanceLine> lines(int version) {
        return jdbc.sql("SELECT * FROM acceptance_lines WHERE version = ? ORDER BY id").param(version)
                .query((rs, n) -> line(rs)).list();
    }

    private static AcceptanceLine line(ResultSet rs) throws SQLException {
        return new AcceptanceLine(rs.getString("check_name"), rs.getString("metric"), rs.getString("gpu_model"),
                rs.getObject("gpu_count", Integer.class), rs.getInt("node_count"), rs.getString("fabric"),
                rs.getBigDecimal("min_value").doubleValue(), rs.getString("unit"), rs.getString("source"));
    }
}
