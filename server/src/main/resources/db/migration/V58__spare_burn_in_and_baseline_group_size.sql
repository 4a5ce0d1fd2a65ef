-- Recurring burn-in of idle spare nodes (issue 23, item 4). A pool of no tenant may ask that its
-- READY nodes, idle and unlocked, pass a burn-in tier again every so many days: spare_burn_ins holds
-- that setting per pool, and next_tick_at is when the recurring task looks at the pool next (a
-- conditional update of it claims the look, so two server instances never both start the runs).
-- spare_burn_in_starts records each node a look started a burn-in run on: a node is not started
-- again within the period whether its run passed, failed or was cancelled.
CREATE TABLE spare_burn_ins (
    pool_id           BIGINT      NOT NULL PRIMARY KEY,
    tier              VARCHAR(16) NOT NULL,
    every_days        INT         NOT NULL,
    max_nodes_at_once INT         NOT NULL,
    enabled           BOOLEAN     NOT NULL,
    next_tick_at      DATETIME(6) NOT NULL,
    last_tick_at      DATETIME(6),
    last_outcome      VARCHAR(1000),
    updated_by        VARCHAR(64) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    CONSTRAINT fk_spare_burn_ins_pool FOREIGN KEY (pool_id) REFERENCES node_pools (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE spare_burn_in_starts (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    pool_id    BIGINT      NOT NULL,
    node_id    BIGINT      NOT NULL,
    tier       VARCHAR(16) NOT NULL,
    run_id     BIGINT      NOT NULL,
    started_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_spare_burn_in_starts_node ON spare_burn_in_starts (node_id, started_at);

-- Baselines per group size: a multi-node result is kept apart by how many nodes took part (2 nodes'
-- all-reduce is not 16 nodes'). Single-node checks are 1. Rows from before this column mixed the
-- sizes of multi-node checks (nccl_all_reduce_multi; torch_all_reduce ran on one node or many), so
-- they get 0, "size unknown": kept with their history and listed, never matched by a new result.
ALTER TABLE acceptance_baselines ADD COLUMN node_count INT NOT NULL DEFAULT 1;
UPDATE acceptance_baselines SET node_count = 0 WHERE check_name IN ('nccl_all_reduce_multi', 'torch_all_reduce');
ALTER TABLE acceptance_baselines DROP CONSTRAINT uq_acceptance_baselines;
ALTER TABLE acceptance_baselines ADD CONSTRAINT uq_acceptance_baselines_size
    UNIQUE (gpu_model, driver_branch, check_name, metric, node_count);
