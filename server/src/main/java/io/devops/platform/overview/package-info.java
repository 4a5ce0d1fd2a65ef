/**
 * Overview: the console's home page and the pool page's counts in one read-only answer: the fleet
 * by lifecycle state per pool and tenant, runs in progress, the latest failed acceptance checks and
 * runs, and the acceptance pass rate and NCCL bus bandwidth per day. It reads the other modules'
 * tables with its own queries (a read model, no writes) and scopes every one of them to the
 * caller's tenants exactly as the node and run lists do. No public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Overview", allowedDependencies = {"shared", "identity"})
package io.devops.platform.overview;
