package io.devops.platform.execution;

import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.execution.AcceptanceController.CheckView;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import java.util.List;

/**
 * A node's acceptance certificate in Markdown: the node, its declared GPUs, the overall verdict (the
 * worst of the latest verdict per check; none judged is no certificate) and, per check, the verdict
 * with what was measured against which line, from which run and when.
 */
final class AcceptanceCertificate {

    private AcceptanceCertificate() {
    }

    static String of(KnownNode node, List<CheckView> checks) {
        StringBuilder out = new StringBuilder();
        out.append("# Acceptance certificate: ").append(cell(node.hostname() == null ? node.ip() : node.hostname()))
                .append(" (").append(node.ip()).append(")\n\n");
        out.append("| | |\n| --- | --- |\n");
        out.append("| Node | ").append(node.id()).append(" · ").append(node.ip()).append(" · pool ").append(cell(node.nodePoolName()))
                .append(" |\n");
        out.append("| GPUs | ").append(gpus(node)).append(" |\n");
        out.append("| Verdict | ").append(overall(checks)).append(" |\n\n");
        if (checks.isEmpty()) {
            return out.append("No acceptance check has been judged on this node: it has no certificate.\n").toString();
        }
        out.append("| Check | Verdict | Measured | Threshold | Message | Run | Judged at |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (CheckView check : checks) {
            out.append("| ").append(check.check()).append(" | ").append(check.verdict())
                    .append(check.reason() == null ? "" : " (" + check.reason() + ")").append(" | ")
                    .append(figure(check.measured(), check.unit())).append(" | ").append(figure(check.threshold(), check.unit()))
                    .append(" | ").append(cell(check.message())).append(" | ").append(check.runId()).append(" | ")
                    .append(check.at()).append(" |\n");
        }
        return out.toString();
    }

    private static String overall(List<CheckView> checks) {
        if (checks.isEmpty()) {
            return "none (never tested)";
        }
        CheckVerdict worst = checks.stream().map(CheckView::verdict).reduce(CheckVerdict::worse).orElseThrow();
        long failing = checks.stream().filter(check -> !check.verdict().passes()).count();
        return worst + (failing == 0 ? " (" + checks.size() + " checks)" : " (" + failing + " of " + checks.size() + " checks do not pass)");
    }

    private static String gpus(KnownNode node) {
        if (node.gpuType() == null && node.gpuCount() == null) {
            return "not declared";
        }
        return (node.gpuCount() == null ? "?" : node.gpuCount()) + " x " + (node.gpuType() == null ? "?" : cell(node.gpuType()));
    }

    private static String figure(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        String number = value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue()) : String.valueOf(value);
        return unit == null ? number : number + " " + cell(unit);
    }

    /** Text in a table cell: one line, its pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ").replace("|", "\\|");
    }
}
