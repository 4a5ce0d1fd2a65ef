/**
 * Health: the conditions node agents report (Xid and SXid lines, GPU counters, NVLink, Fabric
 * Manager, InfiniBand, disk), one row per condition instance, and the tenant-scoped list of them.
 * It hears agents through the gateway's {@link io.devops.platform.agentgateway.AgentHealthReported}
 * event, so that the gateway depends on nothing here. Policies, repairs and RMA records come later.
 * No public API yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health", allowedDependencies = {"shared", "identity", "agentgateway"})
package io.devops.platform.health;
