-- Health events from node agents: one row per condition instance, keyed by node, component
-- (xid, gpu, nvlink, ...), code, subject (a GPU's bus id, a port, a mount point) and the time the
-- agent first saw it, so that the agent's repeated and re-sent reports of it update this one row
-- and a condition that comes back after clearing gets a row of its own.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.
CREATE TABLE health_events (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id      BIGINT        NOT NULL,
    component    VARCHAR(32)   NOT NULL,
    code         VARCHAR(64)   NOT NULL,
    subject      VARCHAR(128)  NOT NULL,
    severity     VARCHAR(16)   NOT NULL,
    message      VARCHAR(500)  NOT NULL,
    evidence     VARCHAR(2000),
    first_seen   DATETIME(6)   NOT NULL,
    last_seen    DATETIME(6)   NOT NULL,
    event_count  BIGINT        NOT NULL,
    is_open      BOOLEAN       NOT NULL,
    received_at  DATETIME(6)   NOT NULL,
    CONSTRAINT uq_health_events_condition UNIQUE (node_id, component, code, subject, first_seen),
    CONSTRAINT fk_health_events_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_health_events_last_seen ON health_events (last_seen, id);
CREATE INDEX ix_health_events_open ON health_events (is_open, severity, last_seen);
