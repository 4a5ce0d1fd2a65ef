package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's results as a node × step table, from {@code GET /api/v1/runs/{id}}: one row per node of
 * each item, one cell per step of the item's template. A step with no entry for the node (not
 * reached yet while the run goes on) has status {@code null}.
 */
final class RunResults {

    private RunResults() {
    }

    /**
     * The rows: {@code [{"item","template","nodeId","ip","hostname","status",
     * "steps":[{"sequence","step","status","rc","durationMs","message"}]}]}.
     */
    static ArrayNode rows(JsonNode run) {
        ArrayNode rows = Api.JSON.createArrayNode();
        for (JsonNode item : run.path("items")) {
            for (JsonNode node : item.path("nodes")) {
                ObjectNode row = rows.addObject();
                row.put("item", item.path("sequence").asInt());
                row.set("template", item.path("templateName"));
                row.set("nodeId", node.path("nodeId"));
                row.set("ip", node.path("ip"));
                row.set("hostname", node.path("hostname"));
                row.set("status", node.path("status"));
                ArrayNode steps = row.putArray("steps");
                for (JsonNode step : item.path("steps")) {
                    JsonNode host = hostOf(step, node.path("nodeId").asLong());
                    ObjectNode cell = steps.addObject();
                    cell.set("sequence", step.path("sequence"));
                    cell.set("step", step.path("name"));
                    cell.set("status", host.path("status").isMissingNode() ? null : host.path("status"));
                    cell.set("rc", host.path("rc").isMissingNode() ? null : host.path("rc"));
                    cell.set("durationMs", host.path("durationMs").isMissingNode() ? null : host.path("durationMs"));
                    cell.set("message", host.path("message").isMissingNode() ? null : host.path("message"));
                }
            }
        }
        return rows;
    }

    private static JsonNode hostOf(JsonNode step, long nodeId) {
        for (JsonNode host : step.path("hosts")) {
            if (host.path("nodeId").asLong() == nodeId) {
                return host;
            }
        }
        return Api.JSON.missingNode();
    }

    /** One table per item (its steps are its columns), then the message of every cell that did not succeed. */
    static String table(JsonNode run, ArrayNode rows) {
        StringBuilder out = new StringBuilder("run ").append(run.path("id").asText()).append(' ').append(run.path("status").asText())
                .append(" (job ").append(run.path("jobName").asText("?")).append(" v").append(run.path("jobVersion").asText("?")).append(")\n");
        List<String> failures = new ArrayList<>();
        for (JsonNode item : run.path("items")) {
            int sequence = item.path("sequence").asInt();
            out.append("\nitem ").append(sequence).append(": ").append(item.path("templateName").asText("?")).append('\n');
            List<List<String>> cells = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("NODE", "HOSTNAME", "RESULT"));
            item.path("steps").forEach(step -> header.add(step.path("sequence").asText() + ". " + step.path("name").asText()));
            cells.add(header);
            for (JsonNode row : rows) {
                if (row.path("item").asInt() != sequence) {
                    continue;
                }
                List<String> line = new ArrayList<>(List.of(row.path("ip").asText(), Output.text(row.path("hostname")),
                        Output.text(row.path("status"))));
                for (JsonNode cell : row.path("steps")) {
                    line.add(Output.text(cell.path("status")));
                    String status = cell.path("status").asText("");
                    if (!status.isEmpty() && !"SUCCEEDED".equals(status) && !cell.path("message").isNull()) {
                        failures.add(row.path("ip").asText() + " / " + cell.path("step").asText() + ": " + status + ": "
                                + cell.path("message").asText().replaceAll("\\s+", " ").strip());
                    }
                }
                cells.add(line);
            }
            out.append(cells.size() == 1 ? "(no nodes)\n" : Output.aligned(cells));
        }
        if (!failures.isEmpty()) {
            out.append("\nnot succeeded:\n");
            failures.forEach(failure -> out.append("  ").append(failure).append('\n'));
        }
        return out.toString();
    }
}
