package io.devops.platform.acceptance;

import io.devops.platform.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The verdicts judged on nodes, one row per check per node per run, never changed once written; each
 * keeps the sha256 of the report it was judged from as the platform stores it (null when no report
 * arrived), so that a certificate can name the exact output behind a verdict.
 */
@Repository
public class AcceptanceVerdicts {

    private final JdbcClient jdbc;

    AcceptanceVerdicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored verdict: the check's result on a node, and where and when it was judged. */
    /** {@code level}: the depth the check ran at (DCGM's {@code -r}), null when its report did not say. */
    public record NodeVerdict(long nodeId, String ip, long runId, Long taskId, CheckResult result, Instant at, String outputSha256,
                              Long wallMs, BaselineRef baseline, Integer level) {

        /** A verdict judged without a baseline, of a check without levels, whose report gave no wall time. */
        public NodeVerdict(long nodeId, String ip, long runId, Long taskId, CheckResult result, Instant at, String outputSha256) {
            this(nodeId, ip, runId, taskId, result, at, outputSha256, null, null, null);
        }

        /** A verdict judged without a baseline, of a check without levels. */
        public NodeVerdict(long nodeId, String ip, long runId, Long taskId, CheckResult result, Instant at, String outputSha256,
                           Long wallMs) {
            this(nodeId, ip, runId, taskId, result, at, outputSha256, wallMs, null, null);
        }

        /** A verdict of a check without levels. */
        public NodeVerdict(long nodeId, String ip, long runId, Long taskId, CheckResult result, Instant at, String outputSha256,
                           Long wallMs, BaselineRef baseline) {
            this(nodeId, ip, runId, taskId, result, at, outputSha256, wallMs, baseline, null);
        }
    }

    public void record(long runId, Long taskId, long nodeId, String ip, CheckResult result, Instant at) {
        record(runId, taskId, nodeId, ip, result, at, null);
    }

    /** {@code outputSha256}: the hex sha256 of the stored report the verdict was judged from, null without one. */
    public void record(long runId, Long taskId, long nodeId, String ip, CheckResult result, Instant at, String outputSha256) {
        record(runId, taskId, nodeId, ip, Baselined.without(result), at, outputSha256, null, null);
    }

    /**
     * The verdict with the baseline it was judged against, as that baseline was then (none: {@code judged.baseline()}
     * null); {@code wallMs}: how long the check's tool ran on the node, and {@code level}: the depth it ran at,
     * each null when its report did not say.
     */
    public void record(long runId, Long taskId, long nodeId, String ip, Baselined judged, Instant at, String outputSha256,
                       Long wallMs, Integer level) {
        CheckResult result = judged.result();
        BaselineRef baseline = judged.baseline();
        jdbc.sql("""
                INSERT INTO acceptance_verdicts (run_id, task_id, node_id, ip, check_name, verdict, reason, measured, threshold, unit,
                                                 message, judged_at, output_sha256, wall_ms, baseline_id, baseline_value, baseline_samples,
                                                 check_level)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, taskId, nodeId, ip, result.check(), result.verdict().name(),
                        result.reason() == null ? null : result.reason().name(), result.measured(), result.threshold(),
                        result.unit(), cut(result.message()), DbTime.toDb(at), outputSha256, wallMs,
                        baseline == null ? null : baseline.id(), baseline == null ? null : baseline.value(),
                        baseline == null ? null : baseline.samples(), level)
                .update();
    }

    /** The node's latest verdict per check, by check name. */
    public List<NodeVerdict> latestOf(long nodeId) {
        return jdbc.sql("""
                SELECT v.* FROM acceptance_verdicts v
                WHERE v.node_id = ? AND v.id = (SELECT MAX(l.id) FROM acceptance_verdicts l
                                                WHERE l.node_id = v.node_id AND l.check_name = v.check_name)
                ORDER BY v.check_name""")
                .param(nodeId).query((rs, n) -> read(rs)).list();
    }

    /** Every verdict of a node, newest run first (the burn-in tiers a node has passed are read from them). */
    public List<NodeVerdict> ofNode(long nodeId) {
        return jdbc.sql("SELECT * FROM acceptance_verdicts WHERE node_id = ? ORDER BY run_id DESC, check_name, id")
                .param(nodeId).query((rs, n) -> read(rs)).list();
    }

    /** Every verdict of a run, by node then check. */
    public List<NodeVerdict> ofRun(long runId) {
        return jdbc.sql("SELECT * FROM acceptance_verdicts WHERE run_id = ? ORDER BY node_id, check_name, id")
                .param(runId).query((rs, n) -> read(rs)).list();
    }

    private static NodeVerdict read(ResultSet rs) throws SQLException {
        CheckResult result = new CheckResult(rs.getString("check_name"), CheckVerdict.valueOf(rs.getString("verdict")),
                rs.getObject("measured", Double.class), rs.getObject("threshold", Double.class), rs.getString("unit"),
                rs.getString("message"), reason(rs.getString("reason")));
        return new NodeVerdict(rs.getLong("node_id"), rs.getString("ip"), rs.getLong("run_id"), rs.getObject("task_id", Long.class),
                result, DbTime.read(rs, "judged_at"), rs.getString("output_sha256"),
                rs.getObject("wall_ms", Long.class), baseline(rs), rs.getObject("check_level", Integer.class));
    }

    private static BaselineRef baseline(ResultSet rs) throws SQLException {
        Long id = rs.getObject("baseline_id", Long.class);
        return id == null ? null : new BaselineRef(id, rs.getDouble("baseline_value"), rs.getInt("baseline_samples"));
    }

    /** The stored reason (V38 filled it in for the verdicts judged before it); PASS has none. */
    private static FailureReason reason(String stored) {
        return stored == null ? null : FailureReason.valueOf(stored);
    }

    private static String cut(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }
}
