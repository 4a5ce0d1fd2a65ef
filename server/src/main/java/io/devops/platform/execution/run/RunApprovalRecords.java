package io.devops.platform.execution.run;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code run_approvals}: one row per run that waited for approval. */
@Repository
public class RunApprovalRecords {

    /** Reasons are short sentences of the platform's own; one per line in the column. */
    private static final String SEPARATOR = "\n";

    private final JdbcClient jdbc;

    RunApprovalRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void requested(long runId, List<String> reasons, String by, Instant at) {
        jdbc.sql("INSERT INTO run_approvals (run_id, reasons, requested_by, requested_at) VALUES (?, ?, ?, ?)")
                .params(runId, String.join(SEPARATOR, reasons), by, DbTime.toDb(at)).update();
    }

    /** Records the decision once: false when the run was already decided. */
    public boolean decided(long runId, String decision, String by, String comment, Instant at) {
        return jdbc.sql("""
                        UPDATE run_approvals SET decision = ?, decided_by = ?, decided_at = ?, comment = ?
                        WHERE run_id = ? AND decision IS NULL""")
                .params(decision, by, DbTime.toDb(at), comment, runId).update() == 1;
    }

    public Optional<RunApproval> of(long runId) {
        return jdbc.sql("SELECT * FROM run_approvals WHERE run_id = ?").param(runId)
                .query((rs, n) -> new RunApproval(Arrays.asList(rs.getString("reasons").split(SEPARATOR)), rs.getString("requested_by"),
                        DbTime.read(rs, "requested_at"), rs.getString("decision"), rs.getString("decided_by"),
                        DbTime.read(rs, "decided_at"), rs.getString("comment")))
                .optional();
    }
}
