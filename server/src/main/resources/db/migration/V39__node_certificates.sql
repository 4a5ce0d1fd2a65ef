-- The hand-off certificates frozen when a node is delivered: the exact canonical JSON that was signed
-- and its Ed25519 signature. Rows are only ever inserted: a certificate never changes, and a node
-- delivered again (after a release) gets a new one beside the old.
CREATE TABLE node_certificates (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id           BIGINT       NOT NULL,
    tenant_id         BIGINT       NOT NULL,
    delivered_at      DATETIME(3)  NOT NULL,
    body              MEDIUMTEXT   NOT NULL,
    signature         VARCHAR(128) NOT NULL,
    public_key_sha256 CHAR(64)     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_node_certificates_node ON node_certificates (node_id, id);

-- The installation's signing key, one for every instance of a cluster: the first instance that needs
-- it inserts the slot 'current' (a second one racing it loses on the unique slot and reads it). The
-- private key is sealed with the master key, as SSH credentials are.
CREATE TABLE certificate_signing_keys (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    slot               VARCHAR(16)  NOT NULL,
    public_key         VARCHAR(200) NOT NULL,
    private_key_sealed VARCHAR(1000) NOT NULL,
    created_at         DATETIME(3)  NOT NULL,
    CONSTRAINT uq_certificate_signing_keys_slot UNIQUE (slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
