package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** POWER_CYCLE through the node's BMC ({@link PowerCycle}); without an implementation, "no BMC configured". */
@Component
class PowerCycling implements NodeRepairAction {

    private final ObjectProvider<PowerCycle> power;

    PowerCycling(ObjectProvider<PowerCycle> power) {
        this.power = power;
    }

    @Override
    public RepairAction action() {
        return RepairAction.POWER_CYCLE;
    }

    @Override
    public RepairResult perform(Repair repair) {
        PowerCycle bmc = power.getIfUnique();
        if (bmc == null) {
            return RepairResult.failed("no BMC configured: the platform cannot power cycle this node");
        }
        PowerCycle.Result result = bmc.cycle(repair.nodeId());
        return result.succeeded() ? RepairResult.succeeded(result.detail()) : RepairResult.failed(result.detail());
    }
}
