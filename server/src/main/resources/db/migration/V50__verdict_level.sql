-- The depth a check ran at, where its tool has levels (dcgmi diag -r 1/2/3), as its report states it
-- ("devops-acceptance: level <n>"): a burn-in tier needs DCGM at its own level, not any level.
-- Null for verdicts judged before this and for checks without levels: such a run proves level 1 at most.
ALTER TABLE acceptance_verdicts ADD check_level INT NULL;
