package io.devops.platform.health;

import static io.devops.platform.health.RepairAction.DRAIN;
import static io.devops.platform.health.RepairAction.GPU_RESET;
import static io.devops.platform.health.RepairAction.REBOOT;
import static io.devops.platform.health.RepairAction.RMA;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A fixed policy until health policies are stored catalog data: Xid 79 (fallen off the bus) drains
 * and reboots, a pending row remap resets the GPU, a failed one is RMA. To be replaced by the stored,
 * versioned policies (the "policy" work of issue 22), which keep this interface.
 */
@Component
class InterimHealthPolicies implements HealthPolicies {

    private static final HealthPolicyVersion INTERIM = new HealthPolicyVersion(0, "default", 1, List.of(
            new HealthRule("xid", "79", "CRITICAL", List.of(DRAIN, REBOOT, RMA), 2),
            new HealthRule("gpu", "ROW_REMAP_PENDING", "CRITICAL", List.of(DRAIN, GPU_RESET, REBOOT, RMA), 2),
            new HealthRule("gpu", "ROW_REMAP_FAILED", "CRITICAL", List.of(DRAIN, RMA), 0)),
            HealthLimits.DEFAULT, false, List.of("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag"));

    @Override
    public HealthPolicyVersion forPool(Long poolId) {
        return INTERIM;
    }

    @Override
    public HealthPolicyVersion version(long policyId, int version) {
        return INTERIM;
    }
}
