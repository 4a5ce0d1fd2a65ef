package io.devops.platform.catalogsync;

import io.devops.platform.catalog.CatalogSpec;
import io.devops.platform.health.HealthPolicySpec;
import io.devops.platform.job.JobSpec;
import java.util.List;

/** A catalog tree in memory: each item with the file it came from and the version it was exported from. */
record CatalogTree(List<Item<CatalogSpec.Role>> roles, List<Item<CatalogSpec.Operator>> operators,
                   List<Item<CatalogSpec.Script>> scripts, List<Item<CatalogSpec.Template>> templates,
                   List<Item<JobSpec>> jobs, List<Item<HealthPolicySpec>> policies) {

    /** {@code exportedFromVersion}: null for an item written by hand (it has no platform version to compare). */
    record Item<T>(String path, T spec, Integer exportedFromVersion) {
    }
}
