-- The SSH host keys of nodes, recorded on the first successful contact (trust on first use) and
-- checked on every later one: ssh refuses a node that shows another key. Forgetting a node's keys
-- (an ADMIN accepting a new one) deletes its rows; the next contact records again.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.

CREATE TABLE node_host_keys (
    node_id     BIGINT       NOT NULL,
    -- As in known_hosts: the key type ("ssh-ed25519") and the base64 key blob.
    key_type    VARCHAR(64)  NOT NULL,
    public_key  TEXT         NOT NULL,
    -- As ssh-keygen -l prints it: "SHA256:" and the unpadded base64 SHA-256 of the key blob.
    fingerprint VARCHAR(100) NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_node_host_keys PRIMARY KEY (node_id, key_type),
    CONSTRAINT fk_node_host_keys_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
