package io.devops.platform.health;

import io.devops.platform.agentgateway.AgentHealthReported;
import io.devops.platform.shared.DbTime;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores agents' health events: one row per condition instance (node, component, code, subject,
 * first seen). A later report of it updates the row; one that is not later (a re-sent or
 * overtaken outbox item) changes nothing, and at the same last-seen and count a closing report
 * wins, so that the row ends as the agent's newest report says whatever order they came in. A
 * condition that opens, or whose severity rises while open, is marked {@code decision_due} in the
 * same transaction: the decision is owed from the moment the agent hears 200.
 */
@Component
class HealthEventStore {

    private static final String RANK = "CASE %s WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END";
    /** First in the SET list: MariaDB evaluates assignments left to right, so severity is still the old one here. */
    private static final String DUE_ON_RISE = "decision_due = CASE WHEN ? = TRUE AND is_open = TRUE AND " + RANK.formatted("?")
            + " > " + RANK.formatted("severity") + " THEN TRUE ELSE decision_due END, ";
    private static final String NEWER = "(last_seen < ? OR (last_seen = ? AND (event_count < ? OR (event_count = ? AND "
            + "(is_open = TRUE OR ? = FALSE)))))";

    private final JdbcClient jdbc;
    private final Clock clock;

    HealthEventStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void store(long nodeId, AgentHealthReported.Event event) {
        if (update(nodeId, event) > 0 || exists(nodeId, event)) {
            return;
        }
        try {
            insert(nodeId, event);
        } catch (DuplicateKeyException raced) {
            update(nodeId, event); // another request of the same agent stored it first
        }
    }

    private int update(long nodeId, AgentHealthReported.Event e) {
        return jdbc.sql("UPDATE health_events SET " + DUE_ON_RISE + "severity = ?, message = ?, evidence = ?, last_seen = ?, event_count = ?, "
                        + "is_open = ?, received_at = ? WHERE node_id = ? AND component = ? AND code = ? AND subject = ? "
                        + "AND first_seen = ? AND " + NEWER)
                .params(e.open(), e.severity(), e.severity(), e.message(), e.evidence(), DbTime.toDb(e.lastSeen()), e.count(),
                        e.open(), DbTime.toDb(clock.instant()), nodeId, e.component(), e.code(), e.subject(), DbTime.toDb(e.firstSeen()),
                        DbTime.toDb(e.lastSeen()), DbTime.toDb(e.lastSeen()), e.count(), e.count(), e.open())
                .update();
    }

    private boolean exists(long nodeId, AgentHealthReported.Event e) {
        return jdbc.sql("SELECT COUNT(*) FROM health_events WHERE node_id = ? AND component = ? AND code = ? AND subject = ? "
                        + "AND first_seen = ?")
                .params(nodeId, e.component(), e.code(), e.subject(), DbTime.toDb(e.firstSeen())).query(Long.class).single() > 0;
    }

    private void insert(long nodeId, AgentHealthReported.Event e) {
        jdbc.sql("INSERT INTO health_events (node_id, component, code, subject, severity, message, evidence, first_seen, "
                        + "last_seen, event_count, is_open, received_at, decision_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(nodeId, e.component(), e.code(), e.subject(), e.severity(), e.message(), e.evidence(),
                        DbTime.toDb(e.firstSeen()), DbTime.toDb(e.lastSeen()), e.count(), e.open(), DbTime.toDb(clock.instant()), e.open())
                .update();
    }
}
