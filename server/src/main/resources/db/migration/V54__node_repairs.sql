-- Repairs of nodes in REPAIR (issue 22): one row per attempt, written before anything is done on
-- the node, so that a repair interrupted by a restart is found again (status not ENDED). The
-- condition (component, code, subject) is what escalation counts; actions is the policy's chain as
-- it was asked (comma-separated), reacceptance_checks the checks the node must pass afterwards.
-- status: PENDING (recorded), WAITING (a drain by hand: waits for POST /repair), ACTING (the action
-- runs), REACCEPTING (re-acceptance run started), ENDED. result (SUCCEEDED, FAILED, SKIPPED) once
-- the action ended; for a re-acceptance, detail says how it went.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.
CREATE TABLE node_repairs (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id              BIGINT        NOT NULL,
    component            VARCHAR(32)   NOT NULL,
    code                 VARCHAR(64)   NOT NULL,
    subject              VARCHAR(128)  NOT NULL,
    health_event_id      BIGINT,
    actions              VARCHAR(200)  NOT NULL,
    escalate_after       INT           NOT NULL,
    reacceptance_checks  VARCHAR(500)  NOT NULL,
    action               VARCHAR(32),
    run_id               BIGINT,
    actor                VARCHAR(200)  NOT NULL,
    reason               VARCHAR(1000),
    policy_id            BIGINT,
    policy_version       INT,
    status               VARCHAR(16)   NOT NULL,
    result               VARCHAR(16),
    detail               VARCHAR(2000),
    created_at           DATETIME(6)   NOT NULL,
    started_at           DATETIME(6),
    ended_at             DATETIME(6),
    CONSTRAINT fk_node_repairs_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_repairs_condition ON node_repairs (node_id, component, code, subject);
CREATE INDEX ix_node_repairs_status ON node_repairs (status, id);
