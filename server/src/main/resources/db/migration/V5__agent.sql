-- Agent gateway: enrolment tokens, agent credentials, commands with their output, script blobs.
-- Secrets are stored as SHA-256 hashes only. Nodes and pools are referenced without foreign keys:
-- deleting a node or a pool is the inventory's decision and must not be blocked by agent history.

CREATE TABLE agent_enrollment_tokens (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash   CHAR(64)     NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    description  VARCHAR(500),
    node_pool_id BIGINT,
    max_uses     INT          NOT NULL,
    uses         INT          NOT NULL DEFAULT 0,
    expires_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6),
    revoked_at   DATETIME(6),
    revoked_by   VARCHAR(64),
    created_at   DATETIME(6)  NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_agent_enrollment_tokens_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One live credential per node: enrolling again revokes the previous one.
CREATE TABLE agent_credentials (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id             BIGINT       NOT NULL,
    credential_hash     CHAR(64)     NOT NULL,
    credential_prefix   VARCHAR(16)  NOT NULL,
    enrollment_token_id BIGINT,
    agent_version       VARCHAR(64),
    created_at          DATETIME(6)  NOT NULL,
    revoked_at          DATETIME(6),
    revoked_by          VARCHAR(64),
    CONSTRAINT uk_agent_credentials_hash UNIQUE (credential_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agent_credentials_node ON agent_credentials (node_id, revoked_at);

-- Scripts are content-addressed: a command names its script by SHA-256, the agent verifies it.
CREATE TABLE agent_script_blobs (
    sha256     CHAR(64)    NOT NULL PRIMARY KEY,
    content    MEDIUMBLOB  NOT NULL,
    size_bytes INT         NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Commands live in the database so that any server instance can deliver, cancel or time them out.
-- delivery_id marks one claim (a conditional UPDATE); deadline_at is when the server gives up.
CREATE TABLE agent_commands (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id             BIGINT        NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    script_sha256       CHAR(64)      NOT NULL,
    args                TEXT          NOT NULL,
    env                 TEXT          NOT NULL,
    workdir             VARCHAR(1024),
    timeout_seconds     INT           NOT NULL,
    delivery_id         CHAR(36),
    deadline_at         DATETIME(6)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    delivered_at        DATETIME(6),
    cancel_requested_at DATETIME(6),
    cancel_requested_by VARCHAR(64),
    finished_at         DATETIME(6),
    exit_code           INT,
    duration_ms         BIGINT,
    output_chunks       INT,
    message             VARCHAR(1000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agent_commands_status ON agent_commands (status, deadline_at);
CREATE INDEX ix_agent_commands_node ON agent_commands (node_id, status);
CREATE INDEX ix_agent_commands_delivery ON agent_commands (delivery_id);

-- Output arrives in numbered chunks: (command_id, seq) is unique, so a chunk re-sent after a
-- reconnect is stored once and a missing number is visible.
CREATE TABLE agent_command_output (
    command_id  BIGINT      NOT NULL,
    seq         INT         NOT NULL,
    stream      VARCHAR(8)  NOT NULL,
    content     MEDIUMTEXT  NOT NULL,
    received_at DATETIME(6) NOT NULL,
    PRIMARY KEY (command_id, seq),
    CONSTRAINT fk_agent_command_output_command FOREIGN KEY (command_id) REFERENCES agent_commands (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
