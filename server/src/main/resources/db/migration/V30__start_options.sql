-- Options at start (issue 24): a job version declares the parameters a start may give (a survey,
-- as JSON), and each run records what its start asked for and which locked nodes it skipped.

ALTER TABLE job_versions ADD COLUMN parameters TEXT;

-- One row per run started with options; a run without a row was started without any.
CREATE TABLE run_options (
    run_id          BIGINT      NOT NULL PRIMARY KEY,
    check_mode      BOOLEAN     NOT NULL DEFAULT FALSE,
    batch_size      INT,
    skip_locked     BOOLEAN     NOT NULL DEFAULT FALSE,
    limit_to        TEXT,
    excluded        TEXT,
    extra_vars      MEDIUMTEXT,
    CONSTRAINT fk_run_options_run FOREIGN KEY (run_id) REFERENCES runs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Locked nodes a start skipped (skipLocked), with the lock's words: they show in the run, never silently dropped.
CREATE TABLE run_skipped_nodes (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id    BIGINT        NOT NULL,
    node_id   BIGINT        NOT NULL,
    ip        VARCHAR(45)   NOT NULL,
    hostname  VARCHAR(253),
    reason    VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_run_skipped_nodes_run FOREIGN KEY (run_id) REFERENCES runs (id),
    CONSTRAINT uk_run_skipped_nodes UNIQUE (run_id, node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
