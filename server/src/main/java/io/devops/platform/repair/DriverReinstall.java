package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import org.springframework.stereotype.Component;

/**
 * REINSTALL_DRIVER: the safe driver change (the ins_driver_cuda role, docs/ACCEPTANCE-driver.md)
 * needs the installer files and the driver's SHA-256, which a health policy does not name; so it is
 * not started blindly. The attempt fails saying what to do, and the chain goes on (or to RMA).
 */
@Component
class DriverReinstall implements NodeRepairAction {

    @Override
    public RepairAction action() {
        return RepairAction.REINSTALL_DRIVER;
    }

    @Override
    public RepairResult perform(Repair repair) {
        return RepairResult.failed("driver reinstall not started: it needs the installer files and their SHA-256, which the policy"
                + " does not name; run the ins_driver_cuda operator on the node, then POST /api/v1/nodes/" + repair.nodeId() + "/return");
    }
}
