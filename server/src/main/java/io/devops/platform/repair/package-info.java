/**
 * Repair: follows {@link io.devops.platform.health.RepairRequested} and repairs a drained node
 * (GPU reset, reboot, power cycle, driver reinstall, RMA) as its policy's action chain says, then
 * starts its re-acceptance, escalating to the next action or RMA when a repair or the re-acceptance
 * fails; every attempt is a row of {@code node_repairs} written before anything is done. Operators'
 * calls: {@code /nodes/{id}/repair}, {@code /return}, {@code /rma}. A power cycle goes through the
 * {@code bmc} module's {@link io.devops.platform.bmc.BmcPower}. No public API: nothing depends on this
 * module; health reads it through its own {@link io.devops.platform.health.RepairHistory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Repair",
        allowedDependencies = {"shared", "identity", "inventory", "lifecycle", "health", "agentgateway", "execution", "job",
                "acceptance", "bmc"})
package io.devops.platform.repair;
