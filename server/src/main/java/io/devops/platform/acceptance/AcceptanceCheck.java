package io.devops.platform.acceptance;

/**
 * One built-in acceptance check: judges what its tool printed on a node. A node writes the tool's
 * output to the report {@code acceptance/<name>.txt} (see {@link AcceptanceReports}); the platform
 * judges it with the check of that name when the report is collected. Implementations are Spring
 * components of this module; they never answer PASS when the output is empty, cut short or not the
 * tool's (that is ERROR, saying what to install or fix).
 */
public interface AcceptanceCheck {

    /** The check's name, as in the report path and the API: {@code gpu_inventory}, {@code nccl_all_reduce}, ... */
    String name();

    CheckResult judge(String output, NodeContext node);
}
