-- Health policies: what the platform does about each condition the agents report. A policy keeps
-- every version it had (a version is never changed: decisions name the one they were made under);
-- its body is the version's rules, limits, dry-run flag and re-acceptance checks as JSON. The policy
-- named "default" is the fleet's (seeded at startup from the built-in table); a pool may name another.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.
CREATE TABLE health_policies (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(64)   NOT NULL,
    latest_version  INT           NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(128)  NOT NULL,
    CONSTRAINT uq_health_policies_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE health_policy_versions (
    policy_id   BIGINT        NOT NULL,
    version     INT           NOT NULL,
    body        MEDIUMTEXT    NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    created_by  VARCHAR(128)  NOT NULL,
    PRIMARY KEY (policy_id, version),
    CONSTRAINT fk_health_policy_versions_policy FOREIGN KEY (policy_id) REFERENCES health_policies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A pool's own policy; a pool without a row follows the fleet's default.
CREATE TABLE pool_health_policies (
    pool_id     BIGINT        NOT NULL PRIMARY KEY,
    policy_id   BIGINT        NOT NULL,
    CONSTRAINT fk_pool_health_policies_pool FOREIGN KEY (pool_id) REFERENCES node_pools (id) ON DELETE CASCADE,
    CONSTRAINT fk_pool_health_policies_policy FOREIGN KEY (policy_id) REFERENCES health_policies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
