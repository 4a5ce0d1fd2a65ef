/**
 * Jobs: definitions and their immutable versions (items = template versions with targets).
 * Runs read a version through {@link io.devops.platform.job.JobVersions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs", allowedDependencies = {"shared", "identity", "catalog", "inventory"})
package io.devops.platform.job;
