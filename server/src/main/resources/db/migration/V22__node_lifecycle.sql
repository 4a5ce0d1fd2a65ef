-- A node's lifecycle: its current state (one row per node) and every transition (append-only).
-- Nodes that exist now start where their pool puts them: in a tenant's pool DELIVERED, elsewhere NEW.
-- A node registered later has no row until its first transition; until then its state is read the
-- same way (lifecycle.Lifecycles.current).
CREATE TABLE node_lifecycle (
    node_id BIGINT      NOT NULL PRIMARY KEY,
    state   VARCHAR(16) NOT NULL,
    since   DATETIME(6) NOT NULL,
    CONSTRAINT fk_node_lifecycle_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE node_lifecycle_history (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id      BIGINT        NOT NULL,
    from_state   VARCHAR(16),
    to_state     VARCHAR(16)   NOT NULL,
    changed_at   DATETIME(6)   NOT NULL,
    actor        VARCHAR(128)  NOT NULL,
    run_id       BIGINT,
    reason       VARCHAR(2000),
    is_override  BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_node_lifecycle_history_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_lifecycle_history_node ON node_lifecycle_history (node_id, id);

INSERT INTO node_lifecycle (node_id, state, since)
SELECT n.id, CASE WHEN p.tenant_id IS NULL THEN 'NEW' ELSE 'DELIVERED' END, CURRENT_TIMESTAMP(6)
FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id;

INSERT INTO node_lifecycle_history (node_id, from_state, to_state, changed_at, actor, reason)
SELECT node_id, NULL, state, since, 'system', 'state when the lifecycle was introduced (from the node''s pool)'
FROM node_lifecycle;

-- What a pool's nodes must be (its manifest); no row: the pool declares nothing and its nodes'
-- acceptance may be at most 7 days old.
CREATE TABLE node_pool_specs (
    node_pool_id                BIGINT      NOT NULL PRIMARY KEY,
    gpu_model                   VARCHAR(64),
    gpu_count                   INT,
    nvswitch                    BOOLEAN,
    nic_count                   INT,
    nic_link_rate_gbps          INT,
    driver_version              VARCHAR(32),
    cuda_version                VARCHAR(32),
    fabric_manager_version      VARCHAR(32),
    acceptance_max_age_days     INT         NOT NULL,
    CONSTRAINT fk_node_pool_specs_pool FOREIGN KEY (node_pool_id) REFERENCES node_pools (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
