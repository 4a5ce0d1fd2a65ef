-- Why a verdict is not PASS (THRESHOLD, HARDWARE, COULD_NOT_RUN, MISSING_EVIDENCE; NULL on PASS), and
-- the sha256 of the stored report it was judged from (NULL when none arrived), for the certificates.
ALTER TABLE acceptance_verdicts ADD COLUMN reason VARCHAR(24) NULL;
ALTER TABLE acceptance_verdicts ADD COLUMN output_sha256 CHAR(64) NULL;

-- Verdicts judged before: a missing report, or an ERROR that says its output was empty or unreadable,
-- is MISSING_EVIDENCE; any other ERROR could not run; a FAIL or WARN of a performance check with a
-- figure and a line is THRESHOLD, any other a fault seen.
UPDATE acceptance_verdicts SET reason = 'MISSING_EVIDENCE'
 WHERE verdict = 'ERROR' AND (message LIKE 'no report%' OR message LIKE '%printed nothing%' OR message LIKE '%cannot be judged%');
UPDATE acceptance_verdicts SET reason = 'COULD_NOT_RUN' WHERE verdict = 'ERROR' AND reason IS NULL;
UPDATE acceptance_verdicts SET reason = 'THRESHOLD'
 WHERE verdict IN ('FAIL', 'WARN') AND measured IS NOT NULL AND threshold IS NOT NULL
   AND check_name IN ('nccl_all_reduce', 'nccl_all_reduce_multi', 'nvbandwidth', 'ib_write_bw', 'torch_all_reduce');
UPDATE acceptance_verdicts SET reason = 'HARDWARE' WHERE verdict IN ('FAIL', 'WARN') AND reason IS NULL;
