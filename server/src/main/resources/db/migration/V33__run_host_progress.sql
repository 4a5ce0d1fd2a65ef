-- A node's row of a step says more: while Ansible runs the step, the task it is at (progress, from
-- the event callback); once it has stopped, at which template step of the step's playbook it
-- stopped (stopped_step), so that the later steps compiled into that playbook show "not run"
-- instead of inheriting the failure. Both null where unknown (agent steps, earlier runs).
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.
ALTER TABLE run_host_results ADD COLUMN progress VARCHAR(500);
ALTER TABLE run_host_results ADD COLUMN stopped_step INT;
