-- One row per acceptance check judged on a node in a run: the structured result beside the report
-- it was judged from. A node's acceptance (its certificate, the delivery gate) is its latest row per
-- check; rows are never updated, so every run's verdicts stay as they were.
CREATE TABLE acceptance_verdicts (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id     BIGINT        NOT NULL,
    task_id    BIGINT,
    node_id    BIGINT        NOT NULL,
    ip         VARCHAR(45)   NOT NULL,
    check_name VARCHAR(64)   NOT NULL,
    verdict    VARCHAR(8)    NOT NULL,
    measured   DOUBLE,
    threshold  DOUBLE,
    unit       VARCHAR(16),
    message    VARCHAR(2000) NOT NULL,
    judged_at  DATETIME(3)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_acceptance_verdicts_node ON acceptance_verdicts (node_id, check_name, id);
CREATE INDEX ix_acceptance_verdicts_run ON acceptance_verdicts (run_id, node_id);
