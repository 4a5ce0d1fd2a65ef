package io.devops.platform.health;

/**
 * Public API: what a health policy may do about a condition, in the order a rule lists them. DRAIN
 * takes the node out of service (READY → REPAIR); the repairs run on a drained node; RMA ends the
 * chain.
 */
public enum RepairAction {
    DRAIN, GPU_RESET, REBOOT, POWER_CYCLE, REINSTALL_DRIVER, RMA;

    /** The actions a node in REPAIR undergoes (everything but DRAIN and RMA). */
    public boolean isRepair() {
        return this != DRAIN && this != RMA;
    }
}
