-- Catalog Git sources on a schedule: a cron expression (UTC), whether a clean plan is applied
-- without a person, when the next sync is due (claimed by one instance), and the plan waiting for
-- approval (its commit and the plan as JSON) or the last scheduled sync's outcome.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.

ALTER TABLE catalog_git_sources ADD COLUMN schedule_cron VARCHAR(120);
ALTER TABLE catalog_git_sources ADD COLUMN auto_apply BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE catalog_git_sources ADD COLUMN next_sync_at DATETIME(6);
ALTER TABLE catalog_git_sources ADD COLUMN pending_commit VARCHAR(64);
ALTER TABLE catalog_git_sources ADD COLUMN last_plan MEDIUMTEXT;
ALTER TABLE catalog_git_sources ADD COLUMN last_outcome VARCHAR(1000);

CREATE INDEX ix_catalog_git_sources_next_sync ON catalog_git_sources (next_sync_at);
