package io.devops.platform.identity;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, newest first, filterable by what was changed, by whom and when. */
@RestController
@TenantAware
@RequestMapping("/api/v1/audit-events")
class AuditEventsController {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "occurredAt", "occurred_at");

    private final JdbcClient jdbc;
    private final TenantScopes scopes;

    AuditEventsController(JdbcClient jdbc, TenantScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @GetMapping
    PageResult<AuditEvent> list(@RequestParam(required = false) Long tenantId,
                                @RequestParam(required = false) String entityType,
                                @RequestParam(required = false) String entityId,
                                @RequestParam(required = false) String actor,
                                @RequestParam(required = false) String action,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                @RequestParam(required = false) String sort) {
        PageQuery query = PageQuery.of(page, size, sort, "id,desc");
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        addCondition(conditions, params, "tenant_id = ?", tenantId);
        TenantScope scope = scopes.current();
        if (!scope.global()) {
            // A tenant user reads its tenants' events only: never the operations team's or another tenant's.
            conditions.add("tenant_id IN (" + scope.tenantIdLiterals() + ")");
        }
        addCondition(conditions, params, "entity_type = ?", entityType);
        addCondition(conditions, params, "entity_id = ?", entityId);
        addCondition(conditions, params, "actor = ?", actor);
        addCondition(conditions, params, "action = ?", action);
        addCondition(conditions, params, "occurred_at >= ?", DbTime.toDb(from));
        addCondition(conditions, params, "occurred_at < ?", DbTime.toDb(to));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_events" + where).params(params).query(Long.class).single();
        List<AuditEvent> items = jdbc.sql("SELECT * FROM audit_events" + where + query.orderBy(SORTABLE, "id") + query.limitOffset())
                .params(params).query(AuditEventsController::map).list();
        return PageResult.of(items, total, query);
    }

    private static void addCondition(List<String> conditions, List<Object> params, String condition, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            conditions.add(condition);
            params.add(value);
        }
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), DbTime.read(rs, "occurred_at"), rs.getString("actor"),
                rs.getObject("tenant_id") == null ? null : rs.getLong("tenant_id"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("summary"), rs.getString("before_state"), rs.getString("after_state"));
    }

    /** One change: before and after are JSON snapshots of the changed thing. */
    record AuditEvent(long id, Instant occurredAt, String actor, Long tenantId, String action, String entityType, String entityId,
                      String summary, String before, String after) {
    }
}
