package io.devops.platform.job;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.DbTime;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each job's approval rule. It belongs to the job, not to one of its versions, so that starting an
 * older version cannot escape it; only an ADMIN changes it (the URL rules), since the people it
 * guards against must not lift it.
 */
@Service
@Transactional
public class ApprovalRules {

    private final JdbcClient jdbc;
    private final JobPermissions jobs;
    private final AuditTrail audit;
    private final Clock clock;

    ApprovalRules(JdbcClient jdbc, JobPermissions jobs, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule runs of the job follow, whoever starts them ({@link ApprovalRule#NONE} when none is set). */
    @Transactional(readOnly = true)
    public ApprovalRule ruleOf(long jobId) {
        return jdbc.sql("SELECT when_delivered, above_nodes FROM job_approval_rules WHERE job_id = ?").param(jobId)
                .query((rs, n) -> new ApprovalRule(rs.getBoolean("when_delivered"), rs.getObject("above_nodes", Integer.class)))
                .optional().orElse(ApprovalRule.NONE);
    }

    @Transactional(readOnly = true)
    ApprovalRule visibleRuleOf(long jobId) {
        jobs.requireVisible(jobId);
        return ruleOf(jobId);
    }

    ApprovalRule set(long jobId, ApprovalRule rule) {
        Long tenant = jobs.requireOperable(jobId).orElse(null);
        ApprovalRule before = ruleOf(jobId);
        jdbc.sql("DELETE FROM job_approval_rules WHERE job_id = ?").param(jobId).update();
        if (!rule.asksForNothing()) {
            jdbc.sql("INSERT INTO job_approval_rules (job_id, when_delivered, above_nodes, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                    .params(jobId, rule.whenDelivered(), rule.aboveNodes(), DbTime.toDb(clock.instant()), CurrentActor.name()).update();
        }
        audit.recordInTenant(tenant, "job.approval-rule", "job", jobId, "Set the approval rule of job " + jobId + ": " + describe(rule),
                before, rule);
        return rule;
    }

    static String describe(ApprovalRule rule) {
        if (rule.asksForNothing()) {
            return "runs start without approval";
        }
        String delivered = rule.whenDelivered() ? "a node DELIVERED to a tenant" : null;
        String many = rule.aboveNodes() == null ? null : "more than " + rule.aboveNodes() + " nodes";
        return "a second person approves runs that target "
                + (delivered != null && many != null ? delivered + " or " + many : delivered != null ? delivered : many);
    }
}
