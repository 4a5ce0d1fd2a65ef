package io.devops.platform.notify;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_deliveries} rows and their attempts. A sender claims a due delivery with a
 * conditional write on its version, so that of several instances exactly one sends each try.
 */
@Repository
class Deliveries {

    enum Status { PENDING, SUCCEEDED, FAILED }

    record Delivery(long id, long channelId, NotificationEvent event, Long runId, Long nodeId, String message, Status status,
                    int attempts, Instant nextAttemptAt, int version) {
    }

    /** One try, as the deliveries list shows it. */
    record AttemptView(long deliveryId, String event, Long runId, Long nodeId, int attempt, String status, Integer responseCode,
                       String error, long durationMs, Instant at, String deliveryStatus) {
    }

    private static final int MAX_ERROR_CHARS = 1000;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long channelId, NotificationEvent event, Long runId, Long nodeId, String message, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_deliveries (channel_id, event, run_id, node_id, message, status, attempts, next_attempt_at,
                                                     created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(channelId, event.name(), runId, nodeId, message, DbTime.toDb(at), DbTime.toDb(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Deliveries whose next try is due and that nobody holds. */
    List<Delivery> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification_deliveries
                WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY next_attempt_at, id""" + " LIMIT " + limit)
                .params(DbTime.toDb(now), DbTime.toDb(now)).query(Deliveries::map).list();
    }

    /** Takes the delivery for one try, until {@code until}; false when another sender took it first. */
    boolean claim(Delivery delivery, Instant until) {
        return jdbc.sql("UPDATE notification_deliveries SET claimed_until = ?, version = version + 1 WHERE id = ? AND version = ?"
                        + " AND status = 'PENDING'")
                .params(DbTime.toDb(until), delivery.id(), delivery.version()).update() == 1;
    }

    /** Records try number {@code attempt} and moves the delivery on: done, retried at {@code nextAt}, or given up. */
    void attempted(Delivery delivery, int attempt, SendResult result, long durationMs, Instant at, Status next, Instant nextAt) {
        jdbc.sql("""
                INSERT INTO notification_attempts (delivery_id, attempt, status, response_code, error, duration_ms, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(delivery.id(), attempt, result.ok() ? "SUCCEEDED" : "FAILED", result.responseCode(),
                        truncate(result.error()), durationMs, DbTime.toDb(at))
                .update();
        jdbc.sql("""
                UPDATE notification_deliveries SET attempts = ?, status = ?, next_attempt_at = ?, claimed_until = NULL,
                    finished_at = ?, version = version + 1
                WHERE id = ?""")
                .params(attempt, next.name(), DbTime.toDb(nextAt == null ? at : nextAt), next == Status.PENDING ? null : DbTime.toDb(at),
                        delivery.id())
                .update();
    }

    Optional<Delivery> get(long id) {
        return jdbc.sql("SELECT * FROM notification_deliveries WHERE id = ?").param(id).query(Deliveries::map).optional();
    }

    /** A channel's tries, newest first. */
    PageResult<AttemptView> attempts(long channelId, PageQuery query) {
        long total = jdbc.sql("""
                SELECT COUNT(*) FROM notification_attempts a JOIN notification_deliveries d ON d.id = a.delivery_id
                WHERE d.channel_id = ?""").param(channelId).query(Long.class).single();
        List<AttemptView> items = jdbc.sql("""
                SELECT a.*, d.event, d.run_id, d.node_id, d.status AS delivery_status
                FROM notification_attempts a JOIN notification_deliveries d ON d.id = a.delivery_id
                WHERE d.channel_id = ? ORDER BY a.attempted_at DESC, a.id DESC""" + query.limitOffset())
                .param(channelId)
                .query((rs, n) -> {
                    int code = rs.getInt("response_code");
                    Integer responseCode = rs.wasNull() ? null : code;
                    long run = rs.getLong("run_id");
                    Long runId = rs.wasNull() ? null : run;
                    long node = rs.getLong("node_id");
                    Long nodeId = rs.wasNull() ? null : node;
                    return new AttemptView(rs.getLong("delivery_id"), rs.getString("event"), runId, nodeId, rs.getInt("attempt"),
                            rs.getString("status"), responseCode, rs.getString("error"), rs.getLong("duration_ms"),
                            DbTime.read(rs, "attempted_at"), rs.getString("delivery_status"));
                })
                .list();
        return PageResult.of(items, total, query);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }

    private static Delivery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        long node = rs.getLong("node_id");
        Long nodeId = rs.wasNull() ? null : node;
        return new Delivery(rs.getLong("id"), rs.getLong("channel_id"), NotificationEvent.valueOf(rs.getString("event")), runId,
                nodeId, rs.getString("message"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                DbTime.read(rs, "next_attempt_at"), rs.getInt("version"));
    }
}
