package io.devops.platform.repair;

import io.devops.platform.bmc.BmcPower;
import io.devops.platform.bmc.PowerResult;
import io.devops.platform.health.RepairAction;
import org.springframework.stereotype.Component;

/**
 * POWER_CYCLE through the node's BMC over IPMI ({@link BmcPower}): succeeded only when the BMC
 * acknowledged the cycle and then reported the power on; a node without a BMC fails saying so.
 */
@Component
class PowerCycling implements NodeRepairAction {

    private final BmcPower bmc;

    PowerCycling(BmcPower bmc) {
        this.bmc = bmc;
    }

    @Override
    public RepairAction action() {
        return RepairAction.POWER_CYCLE;
    }

    @Override
    public RepairResult perform(Repair repair) {
        PowerResult result = bmc.powerCycle(repair.nodeId());
        String detail = result.detail() + (result.evidence().isEmpty() ? "" : " (BMC: " + String.join("; ", result.evidence()) + ")");
        return result.succeeded() ? RepairResult.succeeded(detail) : RepairResult.failed(detail);
    }
}
