-- Burn-in tiers. A pool may ask for a tier of acceptance (QUICK, STANDARD, FULL; a higher one
-- satisfies a lower one) passed within so many days; NULL keeps the rule before tiers: every check's
-- latest verdict passing and none older than acceptance_max_age_days.
ALTER TABLE node_pool_specs ADD COLUMN delivery_tier VARCHAR(16) NULL;
ALTER TABLE node_pool_specs ADD COLUMN tier_valid_for_days INT NULL;

-- How long each check's tool ran on the node, in milliseconds, as the acceptance role measured it
-- (its report's last line "devops-acceptance: wall <ms>"); NULL where the report did not say.
ALTER TABLE acceptance_verdicts ADD COLUMN wall_ms BIGINT NULL;
