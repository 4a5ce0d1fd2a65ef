-- Jobs: a stable job (the lineage) and its immutable versions, each an ordered list of items
-- (a template version with its targets: nodes and/or node pools, the seed's job_item_nodes).

CREATE TABLE jobs (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(128) NOT NULL,
    latest_version INT          NOT NULL,
    is_deleted     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     DATETIME(6)  NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    updated_at     DATETIME(6),
    updated_by     VARCHAR(64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_jobs_name ON jobs (name);

CREATE TABLE job_versions (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id         BIGINT        NOT NULL,
    version        INT           NOT NULL,
    name           VARCHAR(128)  NOT NULL,
    comments       VARCHAR(2000),
    failure_policy VARCHAR(16)   NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_job_versions_job FOREIGN KEY (job_id) REFERENCES jobs (id),
    CONSTRAINT uk_job_versions UNIQUE (job_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE job_items (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_version_id BIGINT NOT NULL,
    sequence       INT    NOT NULL,
    template_id    BIGINT NOT NULL,
    CONSTRAINT fk_job_items_version FOREIGN KEY (job_version_id) REFERENCES job_versions (id),
    CONSTRAINT uk_job_items UNIQUE (job_version_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_job_items_template ON job_items (template_id);

CREATE TABLE job_item_targets (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_item_id  BIGINT      NOT NULL,
    target_type  VARCHAR(16) NOT NULL,
    node_id      BIGINT,
    node_pool_id BIGINT,
    CONSTRAINT fk_job_item_targets_item FOREIGN KEY (job_item_id) REFERENCES job_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_job_item_targets_item ON job_item_targets (job_item_id);
