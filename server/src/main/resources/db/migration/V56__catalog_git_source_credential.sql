-- Git sources reached over ssh:// with a stored SSH credential, referenced by name (the secret stays in
-- the credentials table), and the SSH host key seen on the first fetch, which later fetches must show
-- again (trust on first use, as for nodes).
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.
ALTER TABLE catalog_git_sources ADD COLUMN credential_name VARCHAR(64);
ALTER TABLE catalog_git_sources ADD COLUMN host_key VARCHAR(1000);
