package io.devops.platform.repair;

import io.devops.platform.health.HealthEvidence;
import io.devops.platform.lifecycle.LifecycleHistory;
import java.util.List;
import java.util.function.Function;

/** The RMA record as Markdown for a vendor ticket: the same facts as the JSON, table by table. */
final class RmaMarkdown {

    private RmaMarkdown() {
    }

    static String of(RmaRecord record) {
        StringBuilder out = new StringBuilder("# RMA record: node ").append(cell(record.ip())).append("\n\n");
        out.append("| Field | Value |\n| --- | --- |\n");
        row(out, "Node id", String.valueOf(record.nodeId()));
        row(out, "GPU type", record.gpuType());
        row(out, "Lifecycle state", record.state());
        row(out, "Board serial", record.boardSerial());
        row(out, "Product serial", record.productSerial());
        row(out, "Generated at", String.valueOf(record.generatedAt()));
        out.append("\n## GPUs\n\n");
        if (record.gpus().isEmpty()) {
            out.append(record.gpusNote()).append("\n");
        } else {
            table(out, List.of("Index", "Bus id", "UUID", "Name", "Serial"), record.gpus(),
                    gpu -> List.of(gpu.index(), gpu.busId(), gpu.uuid(), gpu.name(), gpu.serial()));
        }
        out.append("\n## Evidence\n\n");
        table(out, List.of("Component", "Code", "Subject", "Severity", "First seen", "Last seen", "Count", "Open", "Evidence"),
                record.evidence(), RmaMarkdown::evidence);
        out.append("\n## Repairs\n\n");
        table(out, List.of("#", "Condition", "Action", "By", "Started", "Ended", "Result", "Re-acceptance run", "Detail"),
                record.repairs(), repair -> List.of(String.valueOf(repair.id()),
                        repair.component() + " " + repair.code() + " " + repair.subject(), text(repair.action()), repair.actor(),
                        text(repair.startedAt()), text(repair.endedAt()), text(repair.result()), text(repair.runId()), text(repair.detail())));
        out.append("\n## Lifecycle\n\n");
        table(out, List.of("At", "From", "To", "By", "Run", "Reason"), record.lifecycle(), RmaMarkdown::move);
        return out.toString();
    }

    private static List<String> evidence(HealthEvidence.Event e) {
        return List.of(e.component(), e.code(), e.subject(), e.severity(), text(e.firstSeen()), text(e.lastSeen()),
                String.valueOf(e.count()), String.valueOf(e.open()), text(e.evidence() == null ? e.message() : e.evidence()));
    }

    private static List<String> move(LifecycleHistory.Move m) {
        return List.of(text(m.at()), text(m.from()), m.to(), text(m.actor()), text(m.runId()), text(m.reason()));
    }

    private static <T> void table(StringBuilder out, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
        if (rows.isEmpty()) {
            out.append("none recorded\n");
            return;
        }
        out.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        headers.forEach(h -> out.append(" --- |"));
        out.append("\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", cells.apply(row).stream().map(RmaMarkdown::cell).toList()))
                .append(" |\n"));
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Pipes and line breaks would break the table. */
    private static String cell(String value) {
        return value == null ? "" : value.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
