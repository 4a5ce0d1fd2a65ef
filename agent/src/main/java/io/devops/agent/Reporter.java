package io.devops.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends the outbox: every few hundred milliseconds the new output chunks of each command, then its
 * result. While the server is unreachable everything stays queued and is sent once, in order, when
 * it is back.
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
                Thread.sleep(INTERVAL_MILLIS);
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
        for (Outbox.Batch batch : outbox.due()) {
            try {
                if (!batch.chunks().isEmpty()) {
                    client.output(batch.commandId(), Map.of("chunks", batch.chunks()));
                    outbox.acknowledged(batch.commandId(), batch.chunks().get(batch.chunks().size() - 1).seq());
                }
                if (batch.result() != null) {
                    client.result(batch.commandId(), body(batch.result()));
                    outbox.remove(batch.commandId());
                }
            } catch (ServerClient.Refused refused) {
                if (refused.isUnauthorized()) {
                    throw refused;
                }
                // 403/400: the server will never take this command's report (not ours, malformed): drop it.
                Log.warn("the server refused the report of command " + batch.commandId() + ": " + refused.getMessage());
                outbox.remove(batch.commandId());
            }
        }
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
