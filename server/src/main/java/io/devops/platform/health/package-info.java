/**
 * Health: the conditions node agents report (Xid and SXid lines, GPU counters, NVLink, Fabric
 * Manager, InfiniBand, disk), one row per condition instance, and the tenant-scoped list of them.
 * It hears agents through the gateway's {@link io.devops.platform.agentgateway.AgentHealthReported}
 * event, so that the gateway depends on nothing here. Public API: the policy contract
 * ({@link io.devops.platform.health.HealthPolicies}, {@link io.devops.platform.health.HealthPolicyVersion},
 * {@link io.devops.platform.health.HealthRule}, {@link io.devops.platform.health.HealthLimits},
 * {@link io.devops.platform.health.RepairAction}), the {@link io.devops.platform.health.RepairRequested}
 * event that the repair module follows, and {@link io.devops.platform.health.RepairHistory}, which
 * the repair module implements for the node's health page, and {@link io.devops.platform.health.HealthEvidence},
 * a node's events for the repair module's RMA record. Policies are stored and versioned here
 * ({@link io.devops.platform.health.HealthPoliciesAsCode} reads and saves them for catalog as code);
 * re-acceptance checks are checked against acceptance's check names. Decisions: each condition that
 * opens or rises in severity is decided once under the pool's policy (drain through the lifecycle's
 * {@link io.devops.platform.lifecycle.RepairStates}, recommendation, dry run, limits), and
 * {@link io.devops.platform.health.HealthNotice} tells the notifications what people should hear.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health",
        allowedDependencies = {"shared", "identity", "agentgateway", "acceptance", "lifecycle"})
package io.devops.platform.health;
