-- Job schedules: a cron expression in a time zone, or a fixed interval, that starts runs of a job.
-- next_start_at (UTC) is the one start still to come: the poller claims it with a conditional
-- UPDATE ... WHERE id = ? AND next_start_at = ?, so exactly one server instance starts each run.
-- NULL while paused or after the end date.

CREATE TABLE job_schedules (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id           BIGINT       NOT NULL,
    cron             VARCHAR(120),
    time_zone        VARCHAR(64)  NOT NULL,
    interval_seconds BIGINT,
    enabled          BOOLEAN      NOT NULL,
    overlap_policy   VARCHAR(16)  NOT NULL,
    missed_policy    VARCHAR(16)  NOT NULL,
    ends_at          DATETIME(6),
    next_start_at    DATETIME(6),
    last_start_at    DATETIME(6),
    last_run_id      BIGINT,
    last_outcome     VARCHAR(500),
    version          BIGINT       NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    updated_at       DATETIME(6),
    updated_by       VARCHAR(64),
    CONSTRAINT fk_job_schedules_job FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_job_schedules_next_start ON job_schedules (next_start_at);
CREATE INDEX ix_job_schedules_job ON job_schedules (job_id);
