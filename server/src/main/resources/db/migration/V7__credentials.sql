-- Credentials: SSH keys and passwords the run engine uses to reach nodes.
-- Secret columns hold 'v1:' + base64(nonce || AES-256-GCM ciphertext || tag), never plaintext.

CREATE TABLE credentials (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(64)  NOT NULL,
    description        VARCHAR(500),
    ssh_user           VARCHAR(32)  NOT NULL,
    private_key        TEXT         NOT NULL,
    passphrase         TEXT,
    become_password    TEXT,
    -- What can be shown without the master key: the key's type and fingerprint.
    key_type           VARCHAR(64),
    key_encrypted      BOOLEAN      NOT NULL DEFAULT FALSE,
    fingerprint        VARCHAR(100) NOT NULL,
    fingerprint_source VARCHAR(16)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    updated_at         DATETIME(6),
    updated_by         VARCHAR(64),
    CONSTRAINT uk_credentials_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row (id 1), made by the server on first use: the installation's random salt for deriving the
-- AES key from DEVOPS_SECRET_KEY, and a known text sealed with that key to recognise a changed key.
CREATE TABLE credential_keyring (
    id         INT          NOT NULL PRIMARY KEY,
    kdf        VARCHAR(64)  NOT NULL,
    salt       VARCHAR(64)  NOT NULL,
    verifier   VARCHAR(200) NOT NULL,
    created_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A node's own credential overrides its pool's. Both references are checked by the database too,
-- so a credential still in use can never be deleted, even in a race.
ALTER TABLE nodes ADD COLUMN credential_id BIGINT NULL;
ALTER TABLE nodes ADD CONSTRAINT fk_nodes_credential FOREIGN KEY (credential_id) REFERENCES credentials (id);
ALTER TABLE node_pools ADD CONSTRAINT fk_node_pools_credential FOREIGN KEY (credential_id) REFERENCES credentials (id);
