-- Health decisions: what the policy in force decided about each condition that opened or rose in
-- severity (one decision per event and severity), the repair recommendations it (or a limit)
-- raised for people to accept or dismiss, and on each health event the version and outcome of its
-- latest decision. decision_due marks an event whose decision is still owed: set in the intake's
-- transaction, cleared by the transaction that decides, so that a restart in between loses nothing.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.
ALTER TABLE health_events ADD COLUMN policy_id BIGINT;
ALTER TABLE health_events ADD COLUMN policy_version INT;
ALTER TABLE health_events ADD COLUMN action VARCHAR(32);
ALTER TABLE health_events ADD COLUMN decision_due BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX ix_health_events_due ON health_events (decision_due, received_at);

CREATE TABLE health_decisions (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    health_event_id BIGINT        NOT NULL,
    node_id         BIGINT        NOT NULL,
    pool_id         BIGINT,
    severity        VARCHAR(16)   NOT NULL,
    policy_id       BIGINT        NOT NULL,
    policy_version  INT           NOT NULL,
    policy_actor    VARCHAR(200)  NOT NULL,
    actions         VARCHAR(200)  NOT NULL,
    outcome         VARCHAR(32)   NOT NULL,
    node_state      VARCHAR(32)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    decided_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_health_decisions_event UNIQUE (health_event_id, severity),
    CONSTRAINT fk_health_decisions_event FOREIGN KEY (health_event_id) REFERENCES health_events (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_health_decisions_node ON health_decisions (node_id, decided_at);
CREATE INDEX ix_health_decisions_outcome ON health_decisions (outcome, decided_at);

CREATE TABLE repair_recommendations (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id         BIGINT        NOT NULL,
    health_event_id BIGINT        NOT NULL,
    decision_id     BIGINT        NOT NULL,
    component       VARCHAR(32)   NOT NULL,
    code            VARCHAR(64)   NOT NULL,
    subject         VARCHAR(128)  NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    evidence        VARCHAR(2000),
    actions         VARCHAR(200)  NOT NULL,
    escalate_after  INT           NOT NULL,
    policy_id       BIGINT        NOT NULL,
    policy_version  INT           NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    resolved_at     DATETIME(6),
    resolved_by     VARCHAR(200),
    resolution      VARCHAR(1000),
    CONSTRAINT fk_repair_recommendations_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE,
    CONSTRAINT fk_repair_recommendations_decision FOREIGN KEY (decision_id) REFERENCES health_decisions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_repair_recommendations_node ON repair_recommendations (node_id, status);
CREATE INDEX ix_repair_recommendations_status ON repair_recommendations (status, created_at);
