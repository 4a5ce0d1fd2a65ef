-- Enrolment cannot take over a node. A token may be bound to one node (a deliberate re-enrolment
-- of a reinstalled host); an agent that declares the address of a node already known waits here
-- for an admin instead of receiving a credential. secret_hash is the SHA-256 of a one-time secret
-- the agent generated: only that agent can pick up the credential once the enrolment is approved.

ALTER TABLE agent_enrollment_tokens ADD COLUMN node_id BIGINT;

CREATE TABLE agent_pending_enrollments (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    status              VARCHAR(16)   NOT NULL,
    declared_ip         VARCHAR(45)   NOT NULL,
    node_id             BIGINT        NOT NULL,
    enrollment_token_id BIGINT        NOT NULL,
    token_pool_id       BIGINT,
    hostname            VARCHAR(253),
    agent_version       VARCHAR(64),
    facts               MEDIUMTEXT    NOT NULL,
    seen_from           VARCHAR(45),
    address_differs     BOOLEAN       NOT NULL,
    secret_hash         CHAR(64)      NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    decided_at          DATETIME(6),
    decided_by          VARCHAR(64),
    decision_comment    VARCHAR(1000),
    claimed_at          DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agent_pending_enrollments_status ON agent_pending_enrollments (status, id);

-- A command may run as an unprivileged user on the node instead of the agent's own (root).
ALTER TABLE agent_commands ADD COLUMN run_as VARCHAR(32);
