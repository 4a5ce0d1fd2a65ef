/**
 * Lifecycle: a node's state (NEW, COMMISSIONING, TESTING, READY, FAILED_TESTING, DELIVERED,
 * RELEASING, BROKEN, MAINTENANCE, REPAIR, RMA) moved only along its allowed-transition table, each transition in
 * an append-only history; commissioning against the pool's spec; the delivery gate (acceptance,
 * age, versions; an ADMIN's audited override); following the acceptance module's events. It answers
 * the inventory's {@link io.devops.platform.inventory.NodeStanding} and
 * {@link io.devops.platform.inventory.DeliveryGate}, so the inventory depends on nothing here.
 * Public API: the {@link io.devops.platform.lifecycle.NodeDelivered} event, which the certificates
 * follow, and {@link io.devops.platform.lifecycle.RepairStates}, the moves into REPAIR and RMA that
 * health decisions and repairs make, {@link io.devops.platform.lifecycle.BurnInHistory} (when a node last passed a
 * burn-in tier, for the recurring burn-in of spare nodes) and {@link io.devops.platform.lifecycle.LifecycleHistory}
 * (a node's moves, for the RMA record); otherwise other modules learn of it only through the inventory's interfaces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lifecycle",
        allowedDependencies = {"shared", "identity", "inventory", "acceptance"})
package io.devops.platform.lifecycle;
