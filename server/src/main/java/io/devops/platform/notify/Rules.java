package io.devops.platform.notify;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code notification_rules} rows; events are stored as a comma-separated list of names. */
@Repository
class Rules {

    private static final Map<String, String> SORTS = Map.of("id", "id", "channelId", "channel_id", "jobId", "job_id");

    private final JdbcClient jdbc;

    Rules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Rule rule) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification_rules (channel_id, job_id, events, enabled, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(rule.channelId(), rule.jobId(), names(rule), rule.enabled(), DbTime.toDb(rule.createdAt()), rule.createdBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(Rule rule) {
        jdbc.sql("UPDATE notification_rules SET channel_id = ?, job_id = ?, events = ?, enabled = ? WHERE id = ?")
                .params(rule.channelId(), rule.jobId(), names(rule), rule.enabled(), rule.id()).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM notification_rules WHERE id = ?").param(id).update();
    }

    Optional<Rule> get(long id) {
        return jdbc.sql("SELECT * FROM notification_rules WHERE id = ?").param(id).query(Rules::map).optional();
    }

    /** The enabled rules that could concern a job's events: its own and the global ones. */
    List<Rule> forJob(Long jobId) {
        return jdbc.sql("SELECT * FROM notification_rules WHERE enabled = TRUE AND (job_id IS NULL OR job_id = ?) ORDER BY id")
                .param(jobId).query(Rules::map).list();
    }

    PageResult<Rule> page(Long channelId, Long jobId, PageQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (channelId != null) {
            conditions.add("channel_id = ?");
            params.add(channelId);
        }
        if (jobId != null) {
            conditions.add("job_id = ?");
            params.add(jobId);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM notification_rules" + where).params(params).query(Long.class).single();
        List<Rule> items = jdbc.sql("SELECT * FROM notification_rules" + where + query.orderBy(SORTS, "id") + query.limitOffset())
                .params(params).query(Rules::map).list();
        return PageResult.of(items, total, query);
    }

    private static String names(Rule rule) {
        return rule.events().stream().sorted(Comparator.naturalOrder()).map(Enum::name).collect(Collectors.joining(","));
    }

    private static Rule map(ResultSet rs, int row) throws SQLException {
        EnumSet<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        Arrays.stream(rs.getString("events").split(",")).filter(name -> !name.isBlank())
                .forEach(name -> events.add(NotificationEvent.valueOf(name)));
        long job = rs.getLong("job_id");
        Long jobId = rs.wasNull() ? null : job;
        return new Rule(rs.getLong("id"), rs.getLong("channel_id"), jobId, events, rs.getBoolean("enabled"),
                DbTime.read(rs, "created_at"), rs.getString("created_by"));
    }
}
