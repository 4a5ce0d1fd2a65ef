-- Pool and node variables for the playbooks (issue 20 item 5). One row per pool or node: plain
-- values as the JSON object the API received, secret values as a JSON object of name -> text sealed
-- (AES-GCM) under the master key, never in clear. A node's or pool's row goes with it (see
-- InventoryVarsStore); no foreign key because the owner is either a pool or a node.
CREATE TABLE inventory_vars (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner_kind       VARCHAR(8)   NOT NULL,
    owner_id         BIGINT       NOT NULL,
    vars_json        MEDIUMTEXT   NOT NULL,
    secret_vars_json MEDIUMTEXT   NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    updated_by       VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_inventory_vars_owner UNIQUE (owner_kind, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The inventory each Ansible step of a run used, secrets as "<secret>", so that a run can be
-- explained long after the pool and node variables changed.
CREATE TABLE run_inventories (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id      BIGINT       NOT NULL,
    task_id     BIGINT       NOT NULL,
    inventory   MEDIUMTEXT   NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    CONSTRAINT fk_run_inventories_run FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_run_inventories_run ON run_inventories (run_id, id);
