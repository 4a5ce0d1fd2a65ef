package io.devops.platform.health;

import java.util.List;

/**
 * Public API: one rule of a health policy. It matches a condition by component and code ({@code "*"}
 * as the code matches every code of the component, after the exact codes). {@code actions} are done
 * in order: DRAIN first, then the repairs, the n-th time the condition comes back on that node the
 * n-th repair (the last one again when the list is shorter); once the node has had
 * {@code escalateAfterRepairs} repairs for the same condition and it comes back, RMA (when the list
 * names RMA, or escalation applies at all: {@code escalateAfterRepairs > 0}). A rule without actions
 * only records and notifies.
 */
public record HealthRule(String component, String code, String severity, List<RepairAction> actions, int escalateAfterRepairs) {

    public HealthRule {
        actions = List.copyOf(actions);
    }

    public boolean matches(String component, String code) {
        return this.component.equals(component) && (this.code.equals(code) || "*".equals(this.code));
    }

    /** The first repair action of the chain (after DRAIN), if any. */
    public java.util.Optional<RepairAction> firstRepair() {
        return actions.stream().filter(RepairAction::isRepair).findFirst();
    }
}
