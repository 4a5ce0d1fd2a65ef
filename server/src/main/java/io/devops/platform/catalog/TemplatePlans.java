package io.devops.platform.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What runs need from the catalog: the compiled plan of a template version, and the role files its
 * operator steps run (Ansible's {@code roles_path}). Plans are immutable, and so is the version of
 * role files each operator version pins, so a run may keep the version id and read the same plan,
 * and run the same files, again at any time on any instance.
 */
public interface TemplatePlans {

    /** The plan of exactly this template version, deleted or not. */
    Optional<TemplatePlan> plan(long templateVersionId);

    /** The plan of the newest version in the lineage of {@code templateId}, unless the template is deleted. */
    Optional<TemplatePlan> latestPlan(long templateId);

    /**
     * Ansible's {@code roles_path} for these steps: for each operator step, a folder holding its
     * role under the role's name with exactly the files its operator version pinned (unpacked from
     * the database into the local cache when this instance has not yet).
     */
    List<Path> rolesPaths(List<PlannedStep> steps);

    /**
     * {@code ANSIBLE_COLLECTIONS_PATH} for these steps: exactly the collection versions their role
     * versions (and the roles those depend on) pinned, installed offline from the stored artifacts;
     * empty when they name none.
     */
    Optional<String> collectionsPath(List<PlannedStep> steps);

    /**
     * The secret values these steps' operator versions hold, in clear, as the extra variables their
     * compiled playbook refers to ({@code devops_secret_<step>_<name>}). Only for handing to Ansible
     * in a file of the owner's only, and for masking the step's output: never to be stored or shown.
     */
    Map<String, String> secretVariables(List<PlannedStep> steps);
}
