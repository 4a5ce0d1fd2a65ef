/**
 * Inventory: tenants, node pools, nodes, labels, pool membership history and locks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory", allowedDependencies = {"shared", "identity", "credentials"})
package io.devops.platform.inventory;
