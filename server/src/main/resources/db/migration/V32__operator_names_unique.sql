-- Operators of one role may not share a name and package version: in a picker two such entries
-- look the same. Only the live head of each lineage counts (older versions keep their name, a
-- deleted lineage frees it), so the key holds live_head: TRUE on the head of a lineage that is
-- not deleted, NULL on every other row (a unique key ignores rows with a NULL in it).

ALTER TABLE operators ADD COLUMN live_head BOOLEAN;

-- Heads that already clash: the oldest lineage keeps the name, each later one gets its lineage id
-- appended (' #12'), so nothing is lost and every entry reads differently. The derived table lets
-- MariaDB read the table it updates.
UPDATE operators SET name = CONCAT(LEFT(name, 110), ' #', original_opt_id)
WHERE is_latest = TRUE AND is_deleted = FALSE AND id IN (
    SELECT clash.id FROM (
        SELECT later.id FROM operators later JOIN operators earlier
            ON earlier.role_id = later.role_id AND earlier.name = later.name AND earlier.pkg_version = later.pkg_version
           AND earlier.is_latest = TRUE AND earlier.is_deleted = FALSE AND earlier.original_opt_id < later.original_opt_id
        WHERE later.is_latest = TRUE AND later.is_deleted = FALSE
    ) clash
);

UPDATE operators SET live_head = TRUE WHERE is_latest = TRUE AND is_deleted = FALSE;

ALTER TABLE operators ADD CONSTRAINT uk_operators_live_name UNIQUE (role_id, name, pkg_version, live_head);
