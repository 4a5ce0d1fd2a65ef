-- Risky runs wait for a second person. A job's approval rule is a setting of the job, not of one of
-- its versions: starting an old version must not escape it. No row: runs start without approval.
CREATE TABLE job_approval_rules (
    job_id         BIGINT       NOT NULL PRIMARY KEY,
    when_delivered BOOLEAN      NOT NULL,
    above_nodes    INT,
    updated_at     DATETIME(6)  NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_job_approval_rules_job FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per run that had to wait (status PENDING_APPROVAL): why, and the decision once taken.
CREATE TABLE run_approvals (
    run_id       BIGINT        NOT NULL PRIMARY KEY,
    reasons      VARCHAR(2000) NOT NULL,
    requested_by VARCHAR(128)  NOT NULL,
    requested_at DATETIME(6)   NOT NULL,
    decision     VARCHAR(16),
    decided_by   VARCHAR(128),
    decided_at   DATETIME(6),
    comment      VARCHAR(2000),
    CONSTRAINT fk_run_approvals_run FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
