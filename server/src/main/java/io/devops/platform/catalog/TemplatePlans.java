package io.devops.platform.catalog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What runs need from the catalog: the compiled plan of a template version, and where the role
 * files are (Ansible's {@code roles_path}). Plans are immutable, so a run may keep the version id
 * and read the same plan again at any time.
 */
public interface TemplatePlans {

    /** The plan of exactly this template version, deleted or not. */
    Optional<TemplatePlan> plan(long templateVersionId);

    /** The plan of the newest version in the lineage of {@code templateId}, unless the template is deleted. */
    Optional<TemplatePlan> latestPlan(long templateId);

    Path rolesDirectory();
}
