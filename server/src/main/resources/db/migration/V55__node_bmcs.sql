-- BMCs: how the platform reaches a node's baseboard management controller (IPMI over LAN) to
-- power-cycle it. The login is a stored credential of the new kind PASSWORD: a user name and a
-- password sealed like SSH credentials' secrets; such a credential has no SSH key.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.
ALTER TABLE credentials ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'SSH_KEY';
ALTER TABLE credentials ADD COLUMN username VARCHAR(64) NULL;
ALTER TABLE credentials ADD COLUMN password TEXT NULL;
ALTER TABLE credentials MODIFY ssh_user VARCHAR(32) NULL;
ALTER TABLE credentials MODIFY private_key TEXT NULL;
ALTER TABLE credentials MODIFY fingerprint VARCHAR(100) NULL;
ALTER TABLE credentials MODIFY fingerprint_source VARCHAR(16) NULL;

-- One BMC per node; the credential cannot be deleted while a BMC uses it.
CREATE TABLE node_bmcs (
    node_id       BIGINT       NOT NULL PRIMARY KEY,
    address       VARCHAR(253) NOT NULL,
    port          INT          NOT NULL,
    credential_id BIGINT       NOT NULL,
    protocol      VARCHAR(16)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_node_bmcs_node FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE CASCADE,
    CONSTRAINT fk_node_bmcs_credential FOREIGN KEY (credential_id) REFERENCES credentials (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
