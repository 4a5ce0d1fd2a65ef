package io.devops.platform.execution;

import io.devops.platform.execution.RunLogs.LogChunk;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a run: {@code log} events (id = chunk number, so {@code Last-Event-ID}
 * resumes) and {@code status} events, read from the database so any instance can serve any run.
 * The stream closes once the run has ended and its last chunk was sent.
 */
@Component
class RunEvents implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofHours(12);
    private static final int CHUNKS_PER_TICK = 20;

    private final Runs runs;
    private final RunLogs logs;
    private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-events");
        thread.setDaemon(true);
        return thread;
    });

    RunEvents(Runs runs, RunLogs logs) {
        this.runs = runs;
        this.logs = logs;
        ticker.scheduleWithFixedDelay(this::tick, 300, 300, TimeUnit.MILLISECONDS);
    }

    SseEmitter stream(long runId, long afterSeq) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscription subscription = new Subscription(runId, afterSeq);
        emitter.onCompletion(() -> subscriptions.remove(emitter));
        emitter.onTimeout(() -> subscriptions.remove(emitter));
        emitter.onError(error -> subscriptions.remove(emitter));
        subscriptions.put(emitter, subscription);
        return emitter;
    }

    private void tick() {
        subscriptions.forEach((emitter, subscription) -> {
            try {
                if (push(emitter, subscription)) {
                    subscriptions.remove(emitter);
                    emitter.complete();
                }
            } catch (IOException | RuntimeException gone) {
                subscriptions.remove(emitter);
                emitter.completeWithError(gone);
            }
        });
    }

    /** @return true when the run has ended and everything was sent */
    private boolean push(SseEmitter emitter, Subscription subscription) throws IOException {
        RunRecord run = runs.get(subscription.runId).orElse(null);
        if (run == null) {
            return true;
        }
        String status = run.status() + "|" + run.waitingReason() + "|" + run.cancelRequested();
        if (!status.equals(subscription.lastStatus)) {
            subscription.lastStatus = status;
            emitter.send(SseEmitter.event().name("status").data(RunViews.RunSummary.of(run)));
        }
        var chunks = logs.after(subscription.runId, subscription.lastSeq, CHUNKS_PER_TICK);
        for (LogChunk chunk : chunks) {
            emitter.send(SseEmitter.event().name("log").id(String.valueOf(chunk.seq())).data(chunk.content()));
            subscription.lastSeq = chunk.seq();
        }
        boolean ended = run.status().isFinal() || run.status() == RunStatus.CANCELLED;
        return ended && chunks.size() < CHUNKS_PER_TICK;
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        subscriptions.keySet().forEach(SseEmitter::complete);
    }

    private static final class Subscription {
        final long runId;
        long lastSeq;
        String lastStatus;

        Subscription(long runId, long lastSeq) {
            this.runId = runId;
            this.lastSeq = lastSeq;
        }
    }
}
