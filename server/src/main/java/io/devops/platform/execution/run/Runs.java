package io.devops.platform.execution.run;

import io.devops.platform.inventory.NodeUsage;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.IdList;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Runs and their status history. Every status change is a conditional UPDATE on the expected
 * current statuses: when two instances race, exactly one wins and the other sees zero rows.
 */
@Repository
public class Runs {

    private static final Map<String, String> SORTABLE = Map.of("id", "r.id", "queuedAt", "r.queued_at",
            "startedAt", "r.started_at", "status", "r.status", "durationMs", "r.duration_ms");

    private final JdbcClient jdbc;

    public Runs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewRun run, Instant at) {
        return insert(run, RunStatus.QUEUED, at);
    }

    /** A new run in {@code initial}: QUEUED, or PENDING_APPROVAL when it waits for a second person. */
    public long insert(NewRun run, RunStatus initial, Instant at) {
        if (!StatusTable.RUNS.initial().contains(initial)) {
            throw new IllegalArgumentException("A run cannot start " + initial);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO runs (job_id, original_job_id, job_version, job_name, failure_policy, status, executed_by,
                                  previous_run_id, run_kind, queued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(run.jobVersionId(), run.jobId(), run.jobVersion(), run.jobName(), run.failurePolicy(), initial.name(),
                        run.executedBy(), run.previousRunId(), run.kind(), DbTime.toDb(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        history(id, null, initial, run.kind().equals("RUN") ? "started" : run.kind().toLowerCase(), at, run.executedBy());
        return id;
    }

    /** The runs that carry on from this one (re-runs of its failed nodes), oldest first. */
    public List<Long> laterOf(long id) {
        return jdbc.sql("SELECT id FROM runs WHERE previous_run_id = ? ORDER BY id").param(id).query(Long.class).list();
    }

    public Optional<RunRecord> get(long id) {
        return jdbc.sql("SELECT * FROM runs WHERE id = ?").param(id).query(Runs::map).optional();
    }

    /**
     * QUEUED → RUNNING on {@code executor}: the execution that wins (one at most) owns the run until
     * it ends it, as a new attempt; the fence it gets back guards everything it writes about the run.
     */
    Optional<RunFence> start(long id, Instant at, String executor) {
        Optional<RunRecord> current = get(id).filter(run -> run.status() == RunStatus.QUEUED);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        int attempt = current.get().attempt() + 1;
        int updated = jdbc.sql("""
                        UPDATE runs SET status = 'RUNNING', version = version + 1, attempt = :next, executor = :executor,
                                        started_at = COALESCE(started_at, :at), waiting_reason = NULL
                        WHERE id = :id AND status = 'QUEUED' AND attempt = :attempt""")
                .param("next", attempt).param("executor", executor).param("at", DbTime.toDb(at)).param("id", id)
                .param("attempt", current.get().attempt())
                .update();
        if (updated != 1) {
            return Optional.empty();
        }
        history(id, RunStatus.QUEUED, RunStatus.RUNNING, null, at, executor);
        return Optional.of(RunFence.owner(id, executor, attempt));
    }

    /** The owning execution ends its run; false (and nothing changes) when it no longer owns it. */
    boolean end(RunFence owner, RunStatus ending, String reason, Instant at) {
        Optional<RunRecord> current = get(owner.runId());
        if (!owner.owned() || current.isEmpty() || !owns(current.get(), owner) || !RunStatus.RUNNING.canBecome(ending)) {
            return false;
        }
        return update(current.get(), ending, reason, at, owner.executor(),
                " AND executor = :executor AND attempt = :attempt", owner.executor(), owner.attempt());
    }

    /** Whether the fence's execution still owns its run. */
    boolean owns(RunFence owner) {
        return get(owner.runId()).filter(run -> owns(run, owner)).isPresent();
    }

    private static boolean owns(RunRecord run, RunFence owner) {
        return run.status() == RunStatus.RUNNING && owner.executor().equals(run.executor()) && run.attempt() == owner.attempt();
    }

    /**
     * A change by anyone but the owning execution (a user, recovery): the run moves to {@code target}
     * if it is in one of {@code expected} and the table allows the move; false when it is not.
     */
    boolean transition(long id, Set<RunStatus> expected, RunStatus target, String reason, Instant at, String by) {
        Optional<RunRecord> current = get(id);
        if (current.isEmpty() || !expected.contains(current.get().status()) || !current.get().status().canBecome(target)
                || target == RunStatus.RUNNING) {
            return false;
        }
        return update(current.get(), target, reason, at, by, "", null, 0);
    }

    private boolean update(RunRecord run, RunStatus target, String reason, Instant at, String by, String fence, String executor,
                           int attempt) {
        String times = target == RunStatus.QUEUED
                ? ", finished_at = NULL, duration_ms = NULL, cancel_requested = FALSE, message = NULL"
                : ", finished_at = :at, duration_ms = :duration, waiting_reason = NULL";
        long duration = run.startedAt() == null ? 0 : Duration.between(run.startedAt(), at).toMillis();
        int updated = jdbc.sql("UPDATE runs SET status = :to, version = version + 1"
                        + (target.isFinal() ? ", message = :reason" : "") + times
                        + " WHERE id = :id AND status = :from" + fence)
                .param("to", target.name()).param("reason", reason).param("at", DbTime.toDb(at))
                .param("duration", duration).param("id", run.id()).param("from", run.status().name())
                .param("executor", executor).param("attempt", attempt)
                .update();
        if (updated == 1) {
            history(run.id(), run.status(), target, reason, at, by);
        }
        return updated == 1;
    }

    public void requestCancel(long id) {
        jdbc.sql("UPDATE runs SET cancel_requested = TRUE WHERE id = ?").param(id).update();
    }

    public boolean cancelRequested(long id) {
        return jdbc.sql("SELECT cancel_requested FROM runs WHERE id = ?").param(id).query(Boolean.class).optional().orElse(false);
    }

    public void waiting(long id, String reason) {
        jdbc.sql("UPDATE runs SET waiting_reason = ? WHERE id = ? AND status = 'QUEUED'").params(reason, id).update();
    }

    public void addLogBytes(long id, long bytes) {
        jdbc.sql("UPDATE runs SET log_bytes = log_bytes + ? WHERE id = ?").params(bytes, id).update();
    }

    /** Runs this executor was running when it stopped: on its restart they are interrupted at once. */
    public List<Long> runningOn(String executor) {
        return jdbc.sql("SELECT id FROM runs WHERE status = 'RUNNING' AND executor = ?").param(executor)
                .query(Long.class).list();
    }

    public List<Long> queued() {
        return jdbc.sql("SELECT id FROM runs WHERE status = 'QUEUED' ORDER BY id").query(Long.class).list();
    }

    /** The runs started by {@code executedBy} (a user, or a starter such as {@code schedule:12}) that have not ended, oldest first. */
    public List<ActiveRun> activeStartedBy(String executedBy) {
        List<String> active = RunStatus.active().stream().map(Enum::name).toList();
        return jdbc.sql("SELECT id, status FROM runs WHERE executed_by = :by AND status IN (:active) ORDER BY id")
                .param("by", executedBy).param("active", active)
                .query((rs, row) -> new ActiveRun(rs.getLong("id"), RunStatus.valueOf(rs.getString("status")))).list();
    }

    /** The runs that have not ended and target any of these nodes, oldest first. */
    public List<NodeUsage.Use> activeOn(Collection<Long> nodeIds) {
        List<String> active = RunStatus.active().stream().map(Enum::name).toList();
        List<NodeUsage.Use> uses = new ArrayList<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(nodeIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            uses.addAll(jdbc.sql("""
                    SELECT DISTINCT n.node_id, r.id, r.job_name, r.status FROM runs r
                    JOIN run_items i ON i.run_id = r.id JOIN run_item_nodes n ON n.run_item_id = i.id
                    WHERE r.status IN (:active) AND n.node_id IN (%s)""".formatted(
                            IdList.literals(ids.subList(from, Math.min(ids.size(), from + 1000)))))
                    .param("active", active)
                    .query((rs, row) -> new NodeUsage.Use(rs.getLong("node_id"), rs.getLong("id"), rs.getString("job_name"),
                            rs.getString("status")))
                    .list());
        }
        uses.sort(Comparator.comparingLong(NodeUsage.Use::runId).thenComparingLong(NodeUsage.Use::nodeId));
        return uses;
    }

    public PageResult<RunRecord> page(RunFilter filter, Optional<String> scope, PageQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        scope.ifPresent(conditions::add);
        if (filter.jobId() != null) {
            conditions.add("r.original_job_id = ?");
            params.add(filter.jobId());
        }
        if (filter.status() != null) {
            conditions.add("r.status = ?");
            params.add(filter.status().name());
        }
        if (filter.executedBy() != null) {
            conditions.add("r.executed_by = ?");
            params.add(filter.executedBy());
        }
        if (filter.nodeId() != null) {
            conditions.add("r.id IN (SELECT i.run_id FROM run_items i JOIN run_item_nodes n ON n.run_item_id = i.id WHERE n.node_id = ?)");
            params.add(filter.nodeId());
        }
        if (filter.from() != null) {
            conditions.add("r.queued_at >= ?");
            params.add(DbTime.toDb(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("r.queued_at < ?");
            params.add(DbTime.toDb(filter.to()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM runs r" + where).params(params).query(Long.class).single();
        List<RunRecord> items = jdbc.sql("SELECT r.* FROM runs r" + where + query.orderBy(SORTABLE, "r.id") + query.limitOffset())
                .params(params).query(Runs::map).list();
        return PageResult.of(items, total, query);
    }

    public List<StatusChange> history(long runId) {
        return jdbc.sql("SELECT * FROM run_status_history WHERE run_id = ? ORDER BY id").param(runId)
                .query((rs, n) -> new StatusChange(rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("reason"), DbTime.read(rs, "changed_at"), rs.getString("changed_by")))
                .list();
    }

    private void history(long runId, RunStatus from, RunStatus to, String reason, Instant at, String by) {
        jdbc.sql("INSERT INTO run_status_history (run_id, from_status, to_status, reason, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(runId, from == null ? null : from.name(), to.name(), truncate(reason), DbTime.toDb(at), by)
                .update();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static RunRecord map(ResultSet rs, int row) throws SQLException {
        long previous = rs.getLong("previous_run_id");
        Long previousRunId = rs.wasNull() ? null : previous;
        long duration = rs.getLong("duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        return new RunRecord(rs.getLong("id"), rs.getLong("job_id"), rs.getLong("original_job_id"), rs.getInt("job_version"),
                rs.getString("job_name"), rs.getString("failure_policy"), RunStatus.valueOf(rs.getString("status")),
                rs.getString("message"), rs.getString("waiting_reason"), rs.getString("executed_by"),
                rs.getString("executor"), rs.getInt("attempt"), rs.getBoolean("cancel_requested"), previousRunId,
                rs.getString("run_kind"),
                DbTime.read(rs, "queued_at"), DbTime.read(rs, "started_at"), DbTime.read(rs, "finished_at"), durationMs);
    }

    /** A run to create: {@code kind} is RUN, RERUN_FAILED. */
    public record NewRun(long jobId, long jobVersionId, int jobVersion, String jobName, String failurePolicy, String executedBy,
                  Long previousRunId, String kind) {
    }

    public record ActiveRun(long id, RunStatus status) {
    }

    public record RunFilter(Long jobId, RunStatus status, Long nodeId, String executedBy, Instant from, Instant to) {
    }

    record StatusChange(String from, String to, String reason, Instant at, String by) {
    }
}
