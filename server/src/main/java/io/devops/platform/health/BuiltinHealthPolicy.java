package io.devops.platform.health;

import static io.devops.platform.health.RepairAction.DRAIN;
import static io.devops.platform.health.RepairAction.GPU_RESET;
import static io.devops.platform.health.RepairAction.POWER_CYCLE;
import static io.devops.platform.health.RepairAction.REBOOT;
import static io.devops.platform.health.RepairAction.REINSTALL_DRIVER;
import static io.devops.platform.health.RepairAction.RMA;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet's default policy as the platform ships it (docs/HEALTH.md, "Policy", has the table and its
 * sources). Xids after gpud's action table from NVIDIA's Xid catalogue (reference gpu-acceptance.md §7):
 * reboot-and-inspect codes drain and repair, escalating to RMA after 2 repairs; ECC and row-remap codes
 * reset the GPU first (a reset makes a pending remap take effect); application faults and the codes to
 * ignore only record. Every other catalogue code falls under {@code xid *}: recorded and notified.
 */
final class BuiltinHealthPolicy {

    static final String NAME = "default";
    static final int ESCALATION = 2;
    static final List<String> REACCEPTANCE = List.of("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag");

    private static final List<RepairAction> REBOOT_CHAIN = List.of(DRAIN, REBOOT, RMA);
    private static final List<RepairAction> RESET_CHAIN = List.of(DRAIN, GPU_RESET, REBOOT, RMA);
    private static final List<RepairAction> REPLACE = List.of(DRAIN, RMA);
    private static final List<RepairAction> RECORD = List.of();

    private BuiltinHealthPolicy() {
    }

    static List<HealthRule> rules() {
        Map<Integer, HealthRule> xids = new TreeMap<>();
        xids(xids, "INFO", RECORD, 13, 31, 43, 45, 92, 137, 170);
        xids(xids, "CRITICAL", REBOOT_CHAIN, 32, 38, 44, 62, 65, 68, 69, 79, 110, 119, 120, 121, 123);
        xids(xids, "CRITICAL", RESET_CHAIN, 48, 63, 74, 95, 140);
        xids(xids, "CRITICAL", REPLACE, 64);
        xids(xids, "WARNING", RECORD, 81, 94, 143);
        List<HealthRule> rules = new ArrayList<>(xids.values());
        rules.add(rule("xid", "*", "WARNING", RECORD));
        rules.add(rule("sxid", "*", "WARNING", RECORD));
        rules.add(rule("fabricmanager", "FABRIC_MANAGER_INACTIVE", "CRITICAL", List.of(DRAIN, REBOOT, REINSTALL_DRIVER)));
        rules.add(rule("fabricmanager", "*", "WARNING", RECORD));
        rules.add(rule("gpu", "ECC_UNCORRECTED_VOLATILE", "CRITICAL", RESET_CHAIN));
        rules.add(rule("gpu", "ECC_UNCORRECTED_AGGREGATE", "WARNING", RECORD));
        rules.add(rule("gpu", "RETIRED_PAGES", "WARNING", RECORD));
        rules.add(rule("gpu", "RETIRED_PAGES_PENDING", "CRITICAL", RESET_CHAIN));
        rules.add(rule("gpu", "ROW_REMAP_PENDING", "CRITICAL", RESET_CHAIN));
        rules.add(rule("gpu", "ROW_REMAP_FAILED", "CRITICAL", REPLACE));
        rules.add(rule("gpu", "PCIE_WIDTH_DEGRADED", "WARNING", RECORD));
        rules.add(rule("gpu", "PCIE_REPLAYS", "WARNING", RECORD));
        rules.add(rule("gpu", "HW_SLOWDOWN", "WARNING", RECORD));
        rules.add(rule("gpu", "GPU_MISSING", "CRITICAL", List.of(DRAIN, REBOOT, POWER_CYCLE, RMA)));
        rules.add(rule("nvlink", "NVLINK_INACTIVE", "WARNING", RECORD));
        rules.add(rule("nvlink", "NVLINK_ALL_INACTIVE", "CRITICAL", List.of(DRAIN, REBOOT, POWER_CYCLE, RMA)));
        rules.add(rule("infiniband", "IB_PORT_DOWN", "CRITICAL", List.of(DRAIN)));
        rules.add(rule("infiniband", "IB_LINK_DOWNED", "WARNING", RECORD));
        rules.add(rule("disk", "FS_FULL", "WARNING", RECORD));
        return rules;
    }

    static HealthPolicySpec spec() {
        return new HealthPolicySpec(NAME, rules(), HealthLimits.DEFAULT, false, REACCEPTANCE);
    }

    private static void xids(Map<Integer, HealthRule> rules, String severity, List<RepairAction> actions, int... codes) {
        for (int code : codes) {
            rules.put(code, rule("xid", String.valueOf(code), severity, actions));
        }
    }

    /** Escalation applies where the chain can end in RMA after repairs; a chain of DRAIN, RMA replaces at once. */
    private static HealthRule rule(String component, String code, String severity, List<RepairAction> actions) {
        boolean escalates = actions.contains(RMA) && actions.stream().anyMatch(RepairAction::isRepair);
        return new HealthRule(component, code, severity, actions, escalates ? ESCALATION : 0);
    }
}
