-- Each execution of a run (QUEUED -> RUNNING) is a new attempt; the attempt, with the executor, fences
-- what that execution writes about the run's steps and node results (an execution that lost its run
-- to recovery and a resume can no longer change them).
ALTER TABLE runs ADD COLUMN attempt INT NOT NULL DEFAULT 0;
