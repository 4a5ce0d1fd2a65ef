/**
 * Catalog as code: the catalog (roles with their files, variables and reports, operators, scripts,
 * templates) exported as a deterministic tar.gz tree of YAML files, and such a tree imported as a
 * plan (CREATE / NEW_VERSION / UNCHANGED / CONFLICT) that is applied in one transaction or not at
 * all. Reads and writes the catalog only through {@link io.devops.platform.catalog.CatalogAsCode}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog as code", allowedDependencies = {"shared", "identity", "catalog"})
package io.devops.platform.catalogsync;
