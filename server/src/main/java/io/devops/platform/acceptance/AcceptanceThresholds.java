package io.devops.platform.acceptance;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pass lines, read whole (a handful of rows) and replaced whole. */
@Repository
class AcceptanceThresholds {

    private final JdbcClient jdbc;

    AcceptanceThresholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ThresholdRule> all() {
        return jdbc.sql("SELECT * FROM acceptance_thresholds ORDER BY id")
                .query((rs, n) -> new ThresholdRule(rs.getLong("id"), rs.getString("name"), rs.getString("model_match"),
                        (Integer) rs.getObject("gpu_count", Integer.class), rs.getBigDecimal("min_busbw_gbps").doubleValue(),
                        rs.getLong("min_message_bytes"), rs.getString("description")))
                .list();
    }

    void replaceAll(List<ThresholdRule> rules, Instant at, String by) {
        jdbc.sql("DELETE FROM acceptance_thresholds").update();
        for (ThresholdRule rule : rules) {
            jdbc.sql("""
                    INSERT INTO acceptance_thresholds (name, model_match, gpu_count, min_busbw_gbps, min_message_bytes,
                                                       description, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(rule.name(), rule.modelMatch(), rule.gpuCount(), java.math.BigDecimal.valueOf(rule.minBusBwGbps()),
                            rule.minMessageBytes(), rule.description(), DbTime.toDb(at), by)
                    .update();
        }
    }
}
