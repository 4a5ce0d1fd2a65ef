package io.devops.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends the outbox: every few hundred milliseconds the new output chunks of each command, then its
 * result. While the server is unreachable everything stays queued and is sent once, in order, when
 * it is back. Output the server refuses never holds its result back (see {@link Outbox}).
 */
final class Reporter {

    private static final long INTERVAL_MILLIS = 200;

    private final ServerClient client;
    private final Outbox outbox;
    private final Consumer<ServerClient.Refused> onUnauthorized;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    Reporter(ServerClient client, Outbox outbox, Consumer<ServerClient.Refused> onUnauthorized) {
        this.client = client;
        this.outbox = outbox;
        this.onUnauthorized = onUnauthorized;
    }

    void run() {
        while (true) {
            try {
                if (!outbox.hasBacklog()) {
                    Thread.sleep(INTERVAL_MILLIS); // a busy command's output goes on at once, batch after batch
                }
                sendDue();
                backoff.reset();
            } catch (IOException e) {
                Duration wait = backoff.next();
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            } catch (ServerClient.Refused refused) {
                onUnauthorized.accept(refused);
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void sendDue() throws IOException, InterruptedException {
        sendHealth();
        for (Outbox.Batch batch : outbox.due()) {
            if (!batch.chunks().isEmpty() && !sendOutput(batch)) {
                continue; // smaller, as a note, or not at all: the next round sends what is left, then the result
            }
            if (batch.result() != null) {
                sendResult(batch);
            }
        }
    }

    /** Health events go before output: they are few, and what the fleet's policy acts on. */
    private void sendHealth() throws IOException, InterruptedException {
        List<HealthEvent> due = outbox.dueHealth();
        if (due.isEmpty()) {
            return;
        }
        try {
            client.health(Map.of("events", due));
        } catch (ServerClient.Refused refused) {
            if (refused.isUnauthorized()) {
                throw refused;
            }
            // 400/403/413: the server will never take these as they are; keeping them would block the ones after.
            Log.warn("the server refused " + due.size() + " health event(s): " + refused.getMessage());
        }
        outbox.healthStored(due);
    }

    /** True when the server stored the batch; otherwise the outbox has been told why it did not. */
    private boolean sendOutput(Outbox.Batch batch) throws IOException, InterruptedException {
        long id = batch.commandId();
        try {
            client.output(id, Map.of("chunks", batch.chunks()));
            outbox.acknowledged(id, batch.chunks().get(batch.chunks().size() - 1).seq());
            return true;
        } catch (ServerClient.Refused refused) {
            if (refused.isUnauthorized()) {
                throw refused;
            }
            if (refused.status() == 403) {
                // Not this node's command: the server will take nothing of it, its result neither.
                Log.warn("the server refused the report of command " + id + ": " + refused.getMessage());
                outbox.remove(id);
            } else if (refused.status() == 413) {
                if (!outbox.tooLarge(batch)) {
                    throw new IOException("the server refuses even one character of output as too large: " + refused.getMessage());
                }
                Log.warn("output of command " + id + " was too large for the server (" + refused.getMessage()
                        + "); sending it in smaller batches (at most " + outbox.batchBytes() + " bytes)");
            } else {
                Log.warn("the server refused output of command " + id + " (" + refused.getMessage()
                        + "); the refused part becomes a note and the result follows");
                outbox.refused(batch, refused.getMessage());
            }
            return false;
        }
    }

    private void sendResult(Outbox.Batch batch) throws IOException, InterruptedException {
        try {
            client.result(batch.commandId(), body(batch.result()));
        } catch (ServerClient.Refused refused) {
            if (refused.isUnauthorized()) {
                throw refused;
            }
            // 403/400: the server will never take this result (not ours, malformed): drop it.
            Log.warn("the server refused the result of command " + batch.commandId() + ": " + refused.getMessage());
        }
        outbox.remove(batch.commandId());
    }

    /** A command's ended state as the server takes it, on its own or carried by a poll. */
    static Map<String, Object> body(Outbox.Result result) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("outcome", result.outcome());
        body.put("exitCode", result.exitCode());
        body.put("durationMs", result.durationMs());
        body.put("chunks", result.chunks());
        body.put("message", result.message());
        return body;
    }

    /** An ended command with its remaining output, as a poll carries it. */
    static Map<String, Object> finished(Outbox.Batch batch) {
        return Map.of("id", batch.commandId(), "chunks", batch.chunks(), "result", body(batch.result()));
    }
}
