-- A shell may declare the unprivileged node user its script runs as (runAs; NULL: the agent's own
-- user, root by default). It is kept with each shell version, with the compiled shell task and with
-- the run's snapshot of the task, so a run executes as the user its shell version named.

ALTER TABLE shells ADD COLUMN run_as VARCHAR(32);
ALTER TABLE shell_tasks ADD COLUMN run_as VARCHAR(32);
ALTER TABLE run_tasks ADD COLUMN run_as VARCHAR(32);
