/**
 * BMC: each node's baseboard management controller (address, port, a PASSWORD credential, IPMI)
 * and power control over it with {@code ipmitool}. Public API: {@link io.devops.platform.bmc.BmcPower}
 * (power cycle a node and wait until it is on again, read its power state).
 */
@org.springframework.modulith.ApplicationModule(displayName = "BMC",
        allowedDependencies = {"shared", "identity", "inventory", "credentials"})
package io.devops.platform.bmc;
