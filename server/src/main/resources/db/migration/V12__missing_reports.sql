-- A report a step declares but could not be collected from a node is recorded, with why, instead of
-- leaving no row: "missing" (the node did not write it) or "not fetched" (the copy failed).
ALTER TABLE run_reports ADD COLUMN missing_reason VARCHAR(1000);
