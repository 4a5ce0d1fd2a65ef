package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a run stands, per node, from {@code GET /api/v1/runs/{id}}: each node counts once, by its
 * status in the run's items ({@code items[].nodes[].status}); a node in several items counts by the
 * one that matters most (failed, then running, then queued, then not run, then succeeded).
 */
record RunProgress(long runId, String status, int total, int succeeded, int failed, int running, int queued, int notRun) {

    private static final int BAR = 30;

    /** Node outcome categories, least to most telling; a node in several items keeps the highest. */
    private enum Category { SUCCEEDED, NOT_RUN, QUEUED, RUNNING, FAILED }

    static RunProgress of(JsonNode run) {
        Map<Long, Category> nodes = new HashMap<>();
        for (JsonNode item : run.path("items")) {
            for (JsonNode node : item.path("nodes")) {
                nodes.merge(node.path("nodeId").asLong(), category(node.path("status").asText()),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        int[] counts = new int[Category.values().length];
        nodes.values().forEach(category -> counts[category.ordinal()]++);
        return new RunProgress(run.path("id").asLong(), run.path("status").asText("?"), nodes.size(), counts[Category.SUCCEEDED.ordinal()],
                counts[Category.FAILED.ordinal()], counts[Category.RUNNING.ordinal()], counts[Category.QUEUED.ordinal()],
                counts[Category.NOT_RUN.ordinal()]);
    }

    private static Category category(String status) {
        return switch (status) {
            case "SUCCEEDED" -> Category.SUCCEEDED;
            case "FAILED", "UNREACHABLE" -> Category.FAILED;
            case "RUNNING" -> Category.RUNNING;
            case "QUEUED", "PENDING_APPROVAL", "" -> Category.QUEUED;
            default -> Category.NOT_RUN; // SKIPPED, CANCELLED, INTERRUPTED
        };
    }

    /** True once the run has ended, whatever the outcome. */
    boolean ended() {
        return switch (status) {
            case "SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED" -> true;
            default -> false;
        };
    }

    /** The exit code of an ended run: 0 when it SUCCEEDED, 1 when it failed, was cancelled or interrupted. */
    int exitCode() {
        return "SUCCEEDED".equals(status) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    int done() {
        return succeeded + failed + notRun;
    }

    /** One line: {@code run 12 RUNNING [#########.....] 6/10 nodes: 5 succeeded, 1 failed, 2 running, 2 queued}. */
    String line() {
        int filled = total == 0 ? 0 : done() * BAR / total;
        StringBuilder line = new StringBuilder("run ").append(runId).append(' ').append(status).append(" [")
                .append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ")
                .append(done()).append('/').append(total).append(" nodes: ")
                .append(succeeded).append(" succeeded, ").append(failed).append(" failed, ").append(running).append(" running");
        if (queued > 0) {
            line.append(", ").append(queued).append(" queued");
        }
        if (notRun > 0) {
            line.append(", ").append(notRun).append(" not run");
        }
        return line.toString();
    }
}
