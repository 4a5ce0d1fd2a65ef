package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;

/** One repair a drained node can undergo; it answers how it went and never throws for a failure on the node. */
interface NodeRepairAction {

    RepairAction action();

    RepairResult perform(Repair repair);
}
