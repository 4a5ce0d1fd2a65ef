-- Inventory: tenants, node pools, nodes, labels and pool membership history.
-- The seed's names, spelled correctly; locks carry who, when and why.

CREATE TABLE tenants (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(500),
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(6),
    updated_by  VARCHAR(64),
    CONSTRAINT uk_tenants_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE node_pools (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)  NOT NULL,
    tenant_id     BIGINT,
    description   VARCHAR(500),
    is_spare      BOOLEAN      NOT NULL DEFAULT FALSE,
    credential_id BIGINT,
    is_locked     BOOLEAN      NOT NULL DEFAULT FALSE,
    locked_by     VARCHAR(64),
    locked_at     DATETIME(6),
    lock_reason   VARCHAR(500),
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    updated_at    DATETIME(6),
    updated_by    VARCHAR(64),
    CONSTRAINT uk_node_pools_name UNIQUE (name),
    CONSTRAINT fk_node_pools_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_pools_tenant ON node_pools (tenant_id);

-- The spare pool belongs to no tenant: it is where unassigned nodes live.
INSERT INTO node_pools (name, tenant_id, description, is_spare, created_at, created_by)
VALUES ('spare_nodepool', NULL, 'Unassigned nodes', TRUE, CURRENT_TIMESTAMP(6), 'system');

CREATE TABLE nodes (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    ip            VARCHAR(45)  NOT NULL,
    hostname      VARCHAR(253),
    node_type     VARCHAR(32)  NOT NULL,
    gpu_type      VARCHAR(64),
    gpu_count     INT,
    ssh_port      INT          NOT NULL,
    ssh_user      VARCHAR(64),
    node_pool_id  BIGINT       NOT NULL,
    registered_at DATETIME(6)  NOT NULL,
    is_locked     BOOLEAN      NOT NULL DEFAULT FALSE,
    locked_by     VARCHAR(64),
    locked_at     DATETIME(6),
    lock_reason   VARCHAR(500),
    -- Reported by the node's agent: presence and facts (JSON), kept with the node they describe.
    last_seen_at     DATETIME(6),
    facts            TEXT,
    facts_updated_at DATETIME(6),
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    updated_at    DATETIME(6),
    updated_by    VARCHAR(64),
    CONSTRAINT uk_nodes_ip UNIQUE (ip),
    CONSTRAINT fk_nodes_pool FOREIGN KEY (node_pool_id) REFERENCES node_pools (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_nodes_pool ON nodes (node_pool_id, id);
CREATE INDEX ix_nodes_gpu_type ON nodes (gpu_type, id);
CREATE INDEX ix_nodes_hostname ON nodes (hostname);
CREATE INDEX ix_nodes_locked ON nodes (is_locked, id);
CREATE INDEX ix_nodes_last_seen ON nodes (last_seen_at);

CREATE TABLE labels (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    label_key   VARCHAR(63)  NOT NULL,
    label_value VARCHAR(63)  NOT NULL,
    description VARCHAR(500),
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  DATETIME(6),
    updated_by  VARCHAR(64),
    CONSTRAINT uk_labels_key_value UNIQUE (label_key, label_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE node_labels (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    label_id BIGINT NOT NULL,
    node_id  BIGINT NOT NULL,
    CONSTRAINT uk_node_labels UNIQUE (node_id, label_id),
    CONSTRAINT fk_node_labels_label FOREIGN KEY (label_id) REFERENCES labels (id),
    CONSTRAINT fk_node_labels_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_labels_label ON node_labels (label_id, node_id);

CREATE TABLE node_pool_labels (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    label_id     BIGINT NOT NULL,
    node_pool_id BIGINT NOT NULL,
    CONSTRAINT uk_node_pool_labels UNIQUE (node_pool_id, label_id),
    CONSTRAINT fk_node_pool_labels_label FOREIGN KEY (label_id) REFERENCES labels (id),
    CONSTRAINT fk_node_pool_labels_pool FOREIGN KEY (node_pool_id) REFERENCES node_pools (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_pool_labels_label ON node_pool_labels (label_id, node_pool_id);

-- Every pool a node has been in (the seed's node_nodepool), kept after the node is deleted.
CREATE TABLE node_pool_memberships (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id      BIGINT       NOT NULL,
    node_ip      VARCHAR(45)  NOT NULL,
    from_pool_id BIGINT,
    to_pool_id   BIGINT       NOT NULL,
    reason       VARCHAR(500),
    moved_at     DATETIME(6)  NOT NULL,
    moved_by     VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_pool_memberships_node ON node_pool_memberships (node_id, moved_at);
