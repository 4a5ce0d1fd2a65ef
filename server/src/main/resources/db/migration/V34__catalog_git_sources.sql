-- Catalog as code: Git repositories that hold a catalog tree, and a record of every applied import
-- with the commit it came from (null for an uploaded tree) and the version each changed item got.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.

CREATE TABLE catalog_git_sources (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    url            VARCHAR(1000) NOT NULL,
    ref_kind       VARCHAR(16)   NOT NULL,
    ref_name       VARCHAR(255)  NOT NULL,
    path           VARCHAR(500)  NOT NULL,
    last_commit    VARCHAR(64),
    last_synced_at DATETIME(6),
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(64)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalog_imports (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    source_id   BIGINT,
    commit_id   VARCHAR(64),
    imported_at DATETIME(6) NOT NULL,
    imported_by VARCHAR(64) NOT NULL,
    CONSTRAINT fk_catalog_imports_source FOREIGN KEY (source_id) REFERENCES catalog_git_sources (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalog_import_items (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    import_id BIGINT       NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    name      VARCHAR(500) NOT NULL,
    action    VARCHAR(16)  NOT NULL,
    version   INT          NOT NULL,
    CONSTRAINT fk_catalog_import_items_import FOREIGN KEY (import_id) REFERENCES catalog_imports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_catalog_import_items_import ON catalog_import_items (import_id);
CREATE INDEX ix_catalog_import_items_name ON catalog_import_items (kind, name);
