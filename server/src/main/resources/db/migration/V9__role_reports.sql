-- Report files a role writes on each node, collected after the playbook that runs it; one row a path.
CREATE TABLE role_reports (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    role_id  BIGINT        NOT NULL,
    sequence INT           NOT NULL,
    path     VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_role_reports_role FOREIGN KEY (role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_role_reports_role ON role_reports (role_id, sequence);

-- The report paths a compiled playbook task collects, one a line: its roles' reports when it was
-- compiled (a later change to a role's reports does not alter a saved template version).
ALTER TABLE playbook_tasks ADD COLUMN reports TEXT;
