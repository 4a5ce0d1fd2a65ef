-- Ansible collections as the artifacts 'ansible-galaxy collection build' makes: stored whole with their
-- SHA-256, one row per namespace, name and version, never changed, so every step on every instance
-- installs the same bytes. Global, like the roles that use them.
CREATE TABLE ansible_collections (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    namespace  VARCHAR(64)  NOT NULL,
    name       VARCHAR(64)  NOT NULL,
    version    VARCHAR(200) NOT NULL,
    sha256     CHAR(64)     NOT NULL,
    size       BIGINT       NOT NULL,
    artifact   LONGBLOB     NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    CONSTRAINT uq_ansible_collections_version UNIQUE (namespace, name, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_ansible_collections_sha256 ON ansible_collections (sha256);

-- What a role version needs, pinned when the version is stored: the versions of the roles its
-- meta/main.yml depends on (in order) and of the collections it names. A run of an operator version
-- thus runs exactly these, whatever was uploaded since.
CREATE TABLE role_version_dependencies (
    role_version_id       BIGINT NOT NULL,
    position              INT    NOT NULL,
    dependency_version_id BIGINT NOT NULL,
    PRIMARY KEY (role_version_id, position),
    CONSTRAINT fk_role_version_deps_version FOREIGN KEY (role_version_id) REFERENCES role_versions (id),
    CONSTRAINT fk_role_version_deps_dependency FOREIGN KEY (dependency_version_id) REFERENCES role_versions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_version_collections (
    role_version_id BIGINT NOT NULL,
    collection_id   BIGINT NOT NULL,
    PRIMARY KEY (role_version_id, collection_id),
    CONSTRAINT fk_role_version_colls_version FOREIGN KEY (role_version_id) REFERENCES role_versions (id),
    CONSTRAINT fk_role_version_colls_collection FOREIGN KEY (collection_id) REFERENCES ansible_collections (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
