-- One row per all_reduce run of a multi-node acceptance step at scales (pairs, groups of k, the pool)
-- and of the bisection that names a low group's slow node(s): the nodes (inventory ids, comma
-- separated, in host-list order), the judgement against the line for that group size, the bisection
-- round (0 for the planned scales) and the suspects that run tested. Rows are never updated.
CREATE TABLE acceptance_group_runs (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id     BIGINT        NOT NULL,
    task_id    BIGINT,
    seq        INT           NOT NULL,
    scale      VARCHAR(8)    NOT NULL,
    nodes      TEXT          NOT NULL,
    check_name VARCHAR(64)   NOT NULL,
    verdict    VARCHAR(8)    NOT NULL,
    reason     VARCHAR(32),
    measured   DOUBLE,
    threshold  DOUBLE,
    unit       VARCHAR(64),
    message    VARCHAR(2000) NOT NULL,
    round_no   INT           NOT NULL,
    suspects   TEXT          NOT NULL,
    judged_at  DATETIME(3)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_acceptance_group_runs_run ON acceptance_group_runs (run_id, task_id, seq);
