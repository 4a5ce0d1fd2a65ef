package io.devops.platform.schedule;

import io.devops.platform.schedule.ScheduleSettings.Missed;
import io.devops.platform.schedule.ScheduleSettings.Overlap;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.VersionedUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code job_schedules} rows. */
@Repository
class Schedules {

    private static final int DUE_BATCH = 100;

    private final JdbcClient jdbc;

    Schedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long jobId, ScheduleSettings settings, Instant nextStart, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO job_schedules (job_id, cron, time_zone, interval_seconds, enabled, overlap_policy, missed_policy,
                                           ends_at, next_start_at, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jobId, settings.cron(), settings.timeZone(), settings.intervalSeconds(), settings.enabled(),
                        settings.overlap().name(), settings.missed().name(), DbTime.toDb(settings.endsAt()),
                        DbTime.toDb(nextStart), DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, ExpectedVersion expected, ScheduleSettings settings, Instant nextStart, Instant at, String by) {
        VersionedUpdate.update(jdbc, "job_schedules", id, expected, "Schedule " + id, """
                        cron = ?, time_zone = ?, interval_seconds = ?, enabled = ?, overlap_policy = ?, missed_policy = ?,
                        ends_at = ?, next_start_at = ?, updated_at = ?, updated_by = ?""",
                settings.cron(), settings.timeZone(), settings.intervalSeconds(), settings.enabled(), settings.overlap().name(),
                settings.missed().name(), DbTime.toDb(settings.endsAt()), DbTime.toDb(nextStart), DbTime.toDb(at), by);
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM job_schedules WHERE id = ?").param(id).update() == 1;
    }

    Optional<Schedule> get(long id) {
        return jdbc.sql("SELECT * FROM job_schedules WHERE id = ?").param(id).query(Schedules::map).optional();
    }

    List<Schedule> ofJob(long jobId) {
        return jdbc.sql("SELECT * FROM job_schedules WHERE job_id = ? ORDER BY id").param(jobId).query(Schedules::map).list();
    }

    /** Enabled schedules whose next start has come, the most overdue first. */
    List<Schedule> due(Instant now) {
        return jdbc.sql("SELECT * FROM job_schedules WHERE enabled = TRUE AND next_start_at <= ? ORDER BY next_start_at, id LIMIT "
                        + DUE_BATCH)
                .param(DbTime.toDb(now)).query(Schedules::map).list();
    }

    /**
     * Takes the start planned at {@code planned} for this instance: of several instances that try,
     * exactly one sees the row still at {@code planned} and moves it on to {@code following}.
     */
    boolean claim(long id, Instant planned, Instant following) {
        return jdbc.sql("UPDATE job_schedules SET next_start_at = ? WHERE id = ? AND next_start_at = ? AND enabled = TRUE")
                .params(DbTime.toDb(following), id, DbTime.toDb(planned)).update() == 1;
    }

    /** What the claimed start did; {@code runId} null when it started nothing. */
    void recordStart(long id, Instant planned, Long runId, String outcome) {
        jdbc.sql("UPDATE job_schedules SET last_start_at = ?, last_run_id = COALESCE(?, last_run_id), last_outcome = ? WHERE id = ?")
                .params(DbTime.toDb(planned), runId, outcome.length() > 500 ? outcome.substring(0, 500) : outcome, id).update();
    }

    private static Schedule map(ResultSet rs, int row) throws SQLException {
        ScheduleSettings settings = new ScheduleSettings(rs.getString("cron"), rs.getString("time_zone"),
                nullableLong(rs, "interval_seconds"), rs.getBoolean("enabled"), Overlap.valueOf(rs.getString("overlap_policy")),
                Missed.valueOf(rs.getString("missed_policy")), DbTime.read(rs, "ends_at"));
        return new Schedule(rs.getLong("id"), rs.getLong("job_id"), settings, DbTime.read(rs, "next_start_at"),
                DbTime.read(rs, "last_start_at"), nullableLong(rs, "last_run_id"), rs.getString("last_outcome"),
                rs.getLong("version"), DbTime.read(rs, "created_at"), rs.getString("created_by"), DbTime.read(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
