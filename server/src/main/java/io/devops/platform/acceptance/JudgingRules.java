package io.devops.platform.acceptance;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The judging mode of each check that has one (acceptance_judging_modes); a check without a row is ABSOLUTE. */
@Repository
class JudgingRules {

    private final JdbcClient jdbc;

    JudgingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JudgingRule of(String check) {
        return find(check).orElseGet(() -> JudgingRule.absolute(check));
    }

    Optional<JudgingRule> find(String check) {
        return jdbc.sql("SELECT * FROM acceptance_judging_modes WHERE check_name = ?").param(check)
                .query((rs, n) -> new JudgingRule(rs.getString("check_name"), JudgingMode.valueOf(rs.getString("mode")),
                        rs.getDouble("fail_below_percent"), rs.getDouble("warn_below_percent"), rs.getString("updated_by"),
                        DbTime.read(rs, "updated_at"))).optional();
    }

    void save(JudgingRule rule, String by, Instant at) {
        jdbc.sql("DELETE FROM acceptance_judging_modes WHERE check_name = ?").param(rule.check()).update();
        jdbc.sql("""
                INSERT INTO acceptance_judging_modes (check_name, mode, fail_below_percent, warn_below_percent, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(rule.check(), rule.mode().name(), rule.failBelowPercent(), rule.warnBelowPercent(), by, DbTime.toDb(at)).update();
    }
}
