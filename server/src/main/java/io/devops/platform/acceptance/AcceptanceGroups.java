package io.devops.platform.acceptance;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The group table of a run's multi-node steps: every all_reduce run at a scale and of the bisection,
 * in the order it ran, never changed once written. Reading it is scoped by the caller (the run's
 * tenant): this repository knows runs only by id.
 */
@Repository
public class AcceptanceGroups {

    private final JdbcClient jdbc;

    AcceptanceGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row: which nodes ran together at which scale, how it measured against which line, and the bisection's round. */
    public record GroupRow(Long taskId, int number, String scale, List<Long> nodes, String check, Double measured, Double threshold,
                           String unit, CheckVerdict verdict, FailureReason reason, String message, Bisection bisection) {
    }

    /** The bisection round (0: a planned scale) and the suspects the run tested (the nodes of a low group not cleared). */
    public record Bisection(int round, List<Long> suspects) {
    }

    void record(long runId, Long taskId, List<GroupRun> runs, Instant at) {
        for (GroupRun run : runs) {
            CheckResult result = run.result();
            jdbc.sql("""
                    INSERT INTO acceptance_group_runs (run_id, task_id, seq, scale, nodes, check_name, verdict, reason, measured,
                                                       threshold, unit, message, round_no, suspects, judged_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, taskId, run.number(), run.group().scale().name(), ids(run.group().nodes()), result.check(),
                            result.verdict().name(), result.reason() == null ? null : result.reason().name(), result.measured(),
                            result.threshold(), result.unit(), cut(result.message()), run.round(), ids(run.suspects()), DbTime.toDb(at))
                    .update();
        }
    }

    /** Every group run of a run, by step then the order they ran. */
    public List<GroupRow> ofRun(long runId) {
        return jdbc.sql("SELECT * FROM acceptance_group_runs WHERE run_id = ? ORDER BY task_id, seq, id")
                .param(runId).query((rs, n) -> read(rs)).list();
    }

    private static GroupRow read(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return new GroupRow(rs.getObject("task_id", Long.class), rs.getInt("seq"), rs.getString("scale"), ids(rs.getString("nodes")),
                rs.getString("check_name"), rs.getObject("measured", Double.class), rs.getObject("threshold", Double.class),
                rs.getString("unit"), CheckVerdict.valueOf(rs.getString("verdict")), reason == null ? null : FailureReason.valueOf(reason),
                rs.getString("message"), new Bisection(rs.getInt("round_no"), ids(rs.getString("suspects"))));
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> ids(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).map(Long::valueOf).toList();
    }

    private static String cut(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }
}
