package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Follows a run until it ends by reading {@code GET /api/v1/runs/{id}} every interval, and shows
 * its progress on stderr: redrawn in place on a terminal, a new line per change otherwise (a log).
 */
final class RunWatcher {

    private final Api api;
    private final PrintStream err;
    private final Duration interval;
    private final boolean redraw;

    RunWatcher(Api api, PrintStream err, Duration interval, boolean redraw) {
        this.api = api;
        this.err = err;
        this.interval = interval;
        this.redraw = redraw;
    }

    /** Waits for the run to end; returns its detail as the server last gave it. */
    JsonNode watch(long runId) throws InterruptedException {
        String shown = null;
        while (true) {
            JsonNode run = api.get("/api/v1/runs/" + runId);
            RunProgress progress = RunProgress.of(run);
            String line = progress.line() + waiting(run);
            if (!line.equals(shown)) {
                show(line, shown);
                shown = line;
            }
            if (progress.ended()) {
                if (redraw) {
                    err.println();
                }
                return run;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private void show(String line, String previous) {
        if (redraw) {
            int pad = previous == null ? 0 : Math.max(0, previous.length() - line.length());
            err.print("\r" + line + " ".repeat(pad));
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static String waiting(JsonNode run) {
        String reason = run.path("waitingReason").asText("");
        if ("PENDING_APPROVAL".equals(run.path("status").asText())) {
            return " (waiting for approval)";
        }
        return reason.isEmpty() ? "" : " (" + reason + ")";
    }
}
