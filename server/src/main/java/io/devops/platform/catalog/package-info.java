/**
 * Catalog: Ansible roles and their typed variables, value sets per package version, versioned
 * operators, shells and templates, and the compiler that turns a template version into the
 * internal tasks a run executes. Secret values are sealed through the credentials module. Other
 * modules use {@link io.devops.platform.catalog.TemplatePlans}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = {"shared", "identity", "ansible", "credentials", "collections"})
package io.devops.platform.catalog;
