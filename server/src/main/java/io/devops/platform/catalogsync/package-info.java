/**
 * Catalog as code: the catalog (roles with their files, variables and reports, operators, scripts,
 * templates, jobs, health policies) exported as a deterministic tar.gz tree of YAML files, and such a tree imported as a
 * plan (CREATE / NEW_VERSION / UNCHANGED / CONFLICT) that is applied in one transaction or not at
 * all. Reads and writes the catalog only through {@link io.devops.platform.catalog.CatalogAsCode},
 * jobs through {@link io.devops.platform.job.JobsAsCode}, health policies through
 * {@link io.devops.platform.health.HealthPoliciesAsCode}, and a Git source's SSH credential through
 * {@link io.devops.platform.credentials.CredentialVault}, by name.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog as code",
        allowedDependencies = {"shared", "identity", "catalog", "job", "credentials", "health"})
package io.devops.platform.catalogsync;
