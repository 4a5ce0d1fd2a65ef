-- Runs (the seed's job_histories / job_item / job_item_nodes / job_item_histories), executed for real.
-- A run snapshots what it executes; results, logs and reports are appended as they arrive.

CREATE TABLE runs (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id            BIGINT       NOT NULL,
    original_job_id   BIGINT       NOT NULL,
    job_version       INT          NOT NULL,
    job_name          VARCHAR(128) NOT NULL,
    failure_policy    VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    message           VARCHAR(1000),
    waiting_reason    VARCHAR(1000),
    executed_by       VARCHAR(64)  NOT NULL,
    executor          VARCHAR(128),
    cancel_requested  BOOLEAN      NOT NULL DEFAULT FALSE,
    previous_run_id   BIGINT,
    run_kind          VARCHAR(16)  NOT NULL,
    queued_at         DATETIME(6)  NOT NULL,
    started_at        DATETIME(6),
    finished_at       DATETIME(6),
    duration_ms       BIGINT,
    log_bytes         BIGINT       NOT NULL DEFAULT 0,
    version           INT          NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_runs_job ON runs (original_job_id, id);
CREATE INDEX ix_runs_status ON runs (status, id);
CREATE INDEX ix_runs_executor ON runs (executor, status);

-- Append-only: every status a run went through, when, by whom and why.
CREATE TABLE run_status_history (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id      BIGINT       NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)  NOT NULL,
    reason      VARCHAR(1000),
    changed_at  DATETIME(6)  NOT NULL,
    changed_by  VARCHAR(128) NOT NULL,
    CONSTRAINT fk_run_status_history_run FOREIGN KEY (run_id) REFERENCES runs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_run_status_history_run ON run_status_history (run_id, id);

CREATE TABLE run_items (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id              BIGINT       NOT NULL,
    sequence            INT          NOT NULL,
    template_id         BIGINT       NOT NULL,
    template_name       VARCHAR(128) NOT NULL,
    template_version    INT          NOT NULL,
    CONSTRAINT fk_run_items_run FOREIGN KEY (run_id) REFERENCES runs (id),
    CONSTRAINT uk_run_items_sequence UNIQUE (run_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The nodes of an item, resolved from its targets (nodes and pools) when the run was created.
CREATE TABLE run_item_nodes (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_item_id     BIGINT       NOT NULL,
    node_id         BIGINT       NOT NULL,
    ip              VARCHAR(45)  NOT NULL,
    hostname        VARCHAR(253),
    ssh_port        INT          NOT NULL,
    ssh_user        VARCHAR(64),
    node_pool_id    BIGINT       NOT NULL,
    node_pool_name  VARCHAR(64)  NOT NULL,
    node_credential_id BIGINT,
    pool_credential_id BIGINT,
    CONSTRAINT fk_run_item_nodes_item FOREIGN KEY (run_item_id) REFERENCES run_items (id),
    CONSTRAINT uk_run_item_nodes UNIQUE (run_item_id, node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_run_item_nodes_node ON run_item_nodes (node_id);

-- One executed internal task (the seed's job_item_histories); the UI shows its steps, never the task.
CREATE TABLE run_tasks (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id           BIGINT       NOT NULL,
    run_item_id      BIGINT       NOT NULL,
    sequence         INT          NOT NULL,
    task_type        VARCHAR(16)  NOT NULL,
    dispatch         VARCHAR(16)  NOT NULL,
    steps            TEXT         NOT NULL,
    playbook_task_id BIGINT,
    shell_task_id    BIGINT,
    playbook         MEDIUMTEXT,
    command          TEXT,
    reports          TEXT,
    status           VARCHAR(16)  NOT NULL,
    started_at       DATETIME(6),
    finished_at      DATETIME(6),
    duration_ms      BIGINT,
    exit_code        INT,
    message          VARCHAR(1000),
    CONSTRAINT fk_run_tasks_run FOREIGN KEY (run_id) REFERENCES runs (id),
    CONSTRAINT fk_run_tasks_item FOREIGN KEY (run_item_id) REFERENCES run_items (id),
    CONSTRAINT uk_run_tasks_sequence UNIQUE (run_item_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_run_tasks_run ON run_tasks (run_id, id);

-- Per node and task: the outcome, return code, duration and last message.
CREATE TABLE run_host_results (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_task_id  BIGINT       NOT NULL,
    node_id      BIGINT       NOT NULL,
    ip           VARCHAR(45)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    rc           INT,
    ok_count     INT          NOT NULL DEFAULT 0,
    changed_count INT         NOT NULL DEFAULT 0,
    failed_count INT          NOT NULL DEFAULT 0,
    skipped_count INT         NOT NULL DEFAULT 0,
    duration_ms  BIGINT,
    message      VARCHAR(2000),
    finished_at  DATETIME(6),
    CONSTRAINT fk_run_host_results_task FOREIGN KEY (run_task_id) REFERENCES run_tasks (id),
    CONSTRAINT uk_run_host_results UNIQUE (run_task_id, node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_run_host_results_node ON run_host_results (node_id, run_task_id);

-- The run's log in order: chunks of at most 64 KB, written at most a second after the output.
CREATE TABLE run_log_chunks (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id      BIGINT      NOT NULL,
    seq         BIGINT      NOT NULL,
    run_task_id BIGINT,
    content     MEDIUMTEXT  NOT NULL,
    written_at  DATETIME(6) NOT NULL,
    CONSTRAINT uk_run_log_chunks UNIQUE (run_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Markdown (or text) reports collected from the nodes after a step.
CREATE TABLE run_reports (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id       BIGINT        NOT NULL,
    run_task_id  BIGINT        NOT NULL,
    node_id      BIGINT        NOT NULL,
    ip           VARCHAR(45)   NOT NULL,
    path         VARCHAR(500)  NOT NULL,
    content      MEDIUMTEXT,
    size_bytes   BIGINT        NOT NULL,
    truncated    BOOLEAN       NOT NULL DEFAULT FALSE,
    collected_at DATETIME(6)   NOT NULL,
    CONSTRAINT fk_run_reports_task FOREIGN KEY (run_task_id) REFERENCES run_tasks (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_run_reports_run ON run_reports (run_id, node_id);

-- A node is held by at most one run: the primary key is the lease.
CREATE TABLE node_leases (
    node_id     BIGINT      NOT NULL PRIMARY KEY,
    run_id      BIGINT      NOT NULL,
    acquired_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_leases_run ON node_leases (run_id);
