-- Role files live in the database as immutable, content-addressed versions (a role upload is code
-- that runs as root on every node: what ran must be provable and repeatable). Each file body is
-- stored once by its SHA-256 (role_blobs); a content is a set of files and links named by the
-- SHA-256 of its listing (role_contents, role_content_files); a role version names one content.
-- Every operator version pins the role version it was made with, so a run of an old operator
-- version executes the old files on whichever instance runs it.

CREATE TABLE role_blobs (
    hash    CHAR(64)   NOT NULL PRIMARY KEY,
    size    BIGINT     NOT NULL,
    content LONGBLOB   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_contents (
    hash        CHAR(64)    NOT NULL PRIMARY KEY,
    file_count  INT         NOT NULL,
    total_bytes BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind FILE: blob_hash names the body; kind LINK: link_target is the relative link's target.
CREATE TABLE role_content_files (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    content_hash CHAR(64)      NOT NULL,
    path         VARCHAR(1000) NOT NULL,
    kind         VARCHAR(8)    NOT NULL,
    blob_hash    CHAR(64),
    link_target  VARCHAR(1000),
    CONSTRAINT fk_role_content_files_content FOREIGN KEY (content_hash) REFERENCES role_contents (hash),
    CONSTRAINT fk_role_content_files_blob FOREIGN KEY (blob_hash) REFERENCES role_blobs (hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_role_content_files_content ON role_content_files (content_hash);

CREATE TABLE role_versions (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    role_id      BIGINT      NOT NULL,
    version      INT         NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    source       VARCHAR(16) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    created_by   VARCHAR(64) NOT NULL,
    CONSTRAINT uk_role_versions_version UNIQUE (role_id, version),
    CONSTRAINT fk_role_versions_role FOREIGN KEY (role_id) REFERENCES roles (id),
    CONSTRAINT fk_role_versions_content FOREIGN KEY (content_hash) REFERENCES role_contents (hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- NULL only for an operator made while its role had no files yet: the role's first version pins it.
ALTER TABLE operators ADD COLUMN role_version_id BIGINT;
ALTER TABLE operators ADD CONSTRAINT fk_operators_role_version FOREIGN KEY (role_version_id) REFERENCES role_versions (id);

-- Bumped by every change to a role (files, variables, reports): what If-Match names for a role.
ALTER TABLE roles ADD COLUMN revision INT NOT NULL DEFAULT 0;
