/**
 * Identity: users, roles, API tokens, authentication and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared"})
package io.devops.platform.identity;
