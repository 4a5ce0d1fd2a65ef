package io.devops.platform.identity;

import io.devops.platform.shared.DbTime;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records who changed what, in the caller's transaction: an audit event exists exactly when the
 * change it describes was committed.
 */
@Component
public class AuditTrail {

    private static final int MAX_STATE_CHARS = 20_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param before the state before the change (null for a creation), serialised as JSON
     * @param after the state after the change (null for a deletion), serialised as JSON
     */
    public void record(String action, String entityType, Object entityId, String summary, Object before, Object after) {
        recordInTenant(null, action, entityType, entityId, summary, before, after);
    }

    /**
     * As {@link #record}, for a change to something of a tenant: its members see the event, and the
     * trail filters by it. {@code tenantId} null: the operations team's alone (the spare pool, the catalog).
     */
    public void recordInTenant(Long tenantId, String action, String entityType, Object entityId, String summary,
                               Object before, Object after) {
        jdbc.sql("""
                INSERT INTO audit_events (occurred_at, actor, tenant_id, action, entity_type, entity_id, summary, before_state, after_state)
                VALUES (:at, :actor, :tenant, :action, :type, :id, :summary, :before, :after)""")
                .param("at", DbTime.toDb(clock.instant()))
                .param("tenant", tenantId)
                .param("actor", CurrentActor.name())
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId == null ? null : entityId.toString())
                .param("summary", truncate(summary, 1000))
                .param("before", toJson(before))
                .param("after", toJson(after))
                .update();
    }

    private String toJson(Object state) {
        return state == null ? null : truncate(json.writeValueAsString(state), MAX_STATE_CHARS);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
