-- Trust boundaries (docs/SECURITY.md). Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.

-- API tokens carry scopes (read, run, admin; comma-separated) and where they were last used from.
-- Tokens made before scopes existed acted with their owner's full role: they keep all three.
ALTER TABLE api_tokens ADD COLUMN scopes VARCHAR(64) NOT NULL DEFAULT 'admin,read,run';
ALTER TABLE api_tokens ADD COLUMN last_used_address VARCHAR(64);

-- Every edit of these objects says which version it was based on; a stale one is refused
-- (shared/Versioned). Each update increments the version in the same conditional UPDATE.
ALTER TABLE tenants ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE node_pools ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE nodes ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE labels ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
