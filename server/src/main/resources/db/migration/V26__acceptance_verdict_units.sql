-- A check's unit names what it counts ("uncorrectable ECC errors", "pending row remaps"), not only
-- a symbol ("GB/s"): 16 characters cut real units short and failed the verdict's insert.
ALTER TABLE acceptance_verdicts MODIFY unit VARCHAR(64) NULL;
