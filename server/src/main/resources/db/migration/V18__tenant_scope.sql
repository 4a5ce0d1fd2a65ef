-- Tenant scoping: users may belong to tenants instead of the operations team; jobs, runs and audit
-- events carry the tenant they belong to (NULL: the operations team's only, e.g. spanning tenants).

ALTER TABLE users MODIFY role VARCHAR(16) NULL;

CREATE TABLE user_tenant_roles (
    user_id   BIGINT      NOT NULL,
    tenant_id BIGINT      NOT NULL,
    role      VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, tenant_id),
    CONSTRAINT fk_user_tenant_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_tenant_roles_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_user_tenant_roles_tenant ON user_tenant_roles (tenant_id);

ALTER TABLE audit_events ADD COLUMN tenant_id BIGINT;
CREATE INDEX ix_audit_events_tenant ON audit_events (tenant_id, occurred_at);

ALTER TABLE jobs ADD COLUMN tenant_id BIGINT;
CREATE INDEX ix_jobs_tenant ON jobs (tenant_id, id);

ALTER TABLE runs ADD COLUMN tenant_id BIGINT;
CREATE INDEX ix_runs_tenant ON runs (tenant_id, id);

-- Existing jobs: the one tenant of every target of their latest version, else none.
UPDATE jobs SET tenant_id = (
    SELECT MIN(p.tenant_id) FROM job_versions v
      JOIN job_items i ON i.job_version_id = v.id
      JOIN job_item_targets t ON t.job_item_id = i.id
      LEFT JOIN nodes n ON n.id = t.node_id
      JOIN node_pools p ON p.id = COALESCE(t.node_pool_id, n.node_pool_id)
     WHERE v.job_id = jobs.id AND v.version = jobs.latest_version
    HAVING COUNT(*) = COUNT(p.tenant_id) AND MIN(p.tenant_id) = MAX(p.tenant_id));

-- Existing runs: the one tenant of the pools their nodes were in, else none.
UPDATE runs SET tenant_id = (
    SELECT MIN(p.tenant_id) FROM run_items i
      JOIN run_item_nodes n ON n.run_item_id = i.id
      JOIN node_pools p ON p.id = n.node_pool_id
     WHERE i.run_id = runs.id
    HAVING COUNT(*) = COUNT(p.tenant_id) AND MIN(p.tenant_id) = MAX(p.tenant_id));
