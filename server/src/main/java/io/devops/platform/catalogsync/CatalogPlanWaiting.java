package io.devops.platform.catalogsync;

import java.time.Instant;

/**
 * Published (after the commit, for transactional listeners) when a scheduled sync of a Git source
 * found a new commit whose plan was not applied: it waits for a person's approval, or it has
 * conflicts ({@code conflicts > 0}) and nothing was applied. {@code ref}: "branch main" or "tag v1".
 */
public record CatalogPlanWaiting(long sourceId, String url, String ref, String commit, long creates, long newVersions,
                                 long conflicts, Instant at) {
}
