-- Acceptance baselines from the fleet: per GPU model, driver branch (the driver's major version from
-- the node's facts gpu.driverVersion, 'unknown' without one), check and metric, the median of the
-- last `window_size` PASS results (acceptance_baseline_samples), used once it rests on enough of them.
-- An ADMIN may pin a baseline: its value stays until unpinned. acceptance_baseline_history keeps every
-- value it took, for the chart. acceptance_judging_modes says per check whether it is judged by its
-- line (ABSOLUTE, the default without a row), its baseline, or both; a verdict judged against a
-- baseline keeps the baseline's id, value and sample count as they were then.

CREATE TABLE acceptance_baselines (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    gpu_model      VARCHAR(100) NOT NULL,
    driver_branch  VARCHAR(32)  NOT NULL,
    check_name     VARCHAR(64)  NOT NULL,
    metric         VARCHAR(64)  NOT NULL,
    unit           VARCHAR(16)  NOT NULL,
    baseline_value DOUBLE,
    samples        INT          NOT NULL,
    window_size    INT          NOT NULL,
    pinned         BOOLEAN      NOT NULL,
    pin_comment    VARCHAR(500),
    pinned_by      VARCHAR(64),
    pinned_at      DATETIME(6),
    updated_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uq_acceptance_baselines UNIQUE (gpu_model, driver_branch, check_name, metric)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE acceptance_baseline_samples (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    baseline_id BIGINT      NOT NULL,
    measured    DOUBLE      NOT NULL,
    run_id      BIGINT      NOT NULL,
    node_id     BIGINT      NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_baseline_samples_baseline FOREIGN KEY (baseline_id) REFERENCES acceptance_baselines (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_baseline_samples_baseline ON acceptance_baseline_samples (baseline_id, id);

CREATE TABLE acceptance_baseline_history (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    baseline_id    BIGINT      NOT NULL,
    baseline_value DOUBLE      NOT NULL,
    samples        INT         NOT NULL,
    pinned         BOOLEAN     NOT NULL,
    recorded_at    DATETIME(6) NOT NULL,
    CONSTRAINT fk_baseline_history_baseline FOREIGN KEY (baseline_id) REFERENCES acceptance_baselines (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_baseline_history_baseline ON acceptance_baseline_history (baseline_id, id);

CREATE TABLE acceptance_judging_modes (
    check_name         VARCHAR(64) NOT NULL PRIMARY KEY,
    mode               VARCHAR(16) NOT NULL,
    fail_below_percent DOUBLE      NOT NULL,
    warn_below_percent DOUBLE      NOT NULL,
    updated_by         VARCHAR(64) NOT NULL,
    updated_at         DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE acceptance_verdicts ADD COLUMN baseline_id BIGINT NULL;
ALTER TABLE acceptance_verdicts ADD COLUMN baseline_value DOUBLE NULL;
ALTER TABLE acceptance_verdicts ADD COLUMN baseline_samples INT NULL;
