package io.devops.platform.execution.logs;

import io.devops.platform.execution.logs.RunLogs.LogChunk;
import io.devops.platform.execution.run.RunRecord;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunViews;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.execution.settings.ExecutionProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * Server-sent events of a run: {@code log} events (id = chunk number, so {@code Last-Event-ID}
 * resumes) and {@code status} events, read from the database so any instance can serve any run.
 * The stream closes once the run has ended and its last chunk was sent.
 *
 * <p>A client that stops reading must hold up nobody but itself. A write to it blocks (Tomcat's
 * blocking write waits up to its write timeout, a minute, and cannot be interrupted), so one
 * ticker thread reads the database and never writes: it hands each stream its next batch (at
 * most {@value #CHUNKS_PER_TICK} chunks; a full one is followed by the next as soon as it is
 * written) to a bounded pool of sender threads, and a stream whose previous batch is still being
 * written is skipped, so it never holds more than one batch. A
 * stream whose write has not moved for {@code devops.execution.events.send-timeout} is dropped:
 * nothing more is read for it, and its sender ends it as soon as the write returns (the client
 * resumes with Last-Event-ID). Until then it keeps its thread and its user's slot, so one user
 * pins at most {@code max-streams-per-user} senders. An idle stream gets a heartbeat comment so
 * that a closed connection is noticed and its slot freed.
 *
 * <p>A stream needs no queue of its own: the log is in the database, so its position is all it
 * keeps, and a stream that falls behind costs a read when it is ready again, not memory. The
 * ticker reads each run once per tick, and its chunks once per position: the streams of a run
 * that are all caught up (the usual case) share one read.
 */
@Component
public class RunEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunEvents.class);
    private static final Duration TIMEOUT = Duration.ofHours(12);
    /**
     * Up to 1 MB a batch. A stream that got a full batch is served again as soon as its sender is
     * done, not at the next tick, so a follower of a fast log is held back by its own connection
     * only; a small batch keeps the heap that three followers of a 50 MB step need small.
     */
    private static final int CHUNKS_PER_TICK = 16;
    private static final long TICK_MILLIS = 300;

    private final Runs runs;
    private final RunLogs logs;
    private final ExecutionProperties.Events settings;
    private final Set<RunEventStream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> streamsByUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(threads("run-events"));
    /** No queue: when every sender is busy a batch waits for the next tick instead of piling up. */
    private final ThreadPoolExecutor senders;

    RunEvents(Runs runs, RunLogs logs, ExecutionProperties properties) {
        this.runs = runs;
        this.logs = logs;
        this.settings = properties.events();
        this.senders = new ThreadPoolExecutor(0, settings.senderThreads(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads("run-events-send"));
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for the user; refused beyond {@code max-streams-per-user} streams of theirs. */
    public SseEmitter stream(long runId, long afterSeq, String user) {
        reserve(user);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        RunEventStream stream = new RunEventStream(runId, afterSeq, user, emitter, System.nanoTime(), this::release);
        emitter.onCompletion(stream::released);
        emitter.onTimeout(stream::released);
        emitter.onError(error -> stream.released());
        streams.add(stream);
        return emitter;
    }

    private void reserve(String user) {
        int max = settings.maxStreamsPerUser();
        boolean[] granted = {false};
        streamsByUser.compute(user, (name, open) -> {
            int count = open == null ? 0 : open;
            if (count >= max) {
                return open;
            }
            granted[0] = true;
            return count + 1;
        });
        if (!granted[0]) {
            throw new TooManyEventStreamsException(user, max);
        }
    }

    private void release(RunEventStream stream) {
        streams.remove(stream);
        streamsByUser.computeIfPresent(stream.user(), (name, open) -> open > 1 ? open - 1 : null);
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            Map<Long, List<RunEventStream>> ready = new HashMap<>();
            for (RunEventStream stream : streams) {
                if (stream.dropIfStuck(now, settings.sendTimeout().toNanos())) {
                    streams.remove(stream);
                    log.debug("Dropped a stream of run {} for {}: its client stopped reading", stream.runId(), stream.user());
                } else if (stream.idle()) {
                    ready.computeIfAbsent(stream.runId(), id -> new ArrayList<>()).add(stream);
                }
            }
            ready.forEach((runId, waiting) -> serve(runId, waiting, now));
        } catch (RuntimeException e) {
            log.warn("Reading run events failed; trying again on the next tick", e); // a thrown tick would stop the ticker
        }
    }

    private void serve(long runId, List<RunEventStream> waiting, long now) {
        RunRecord run = runs.get(runId).orElse(null);
        Map<Long, List<LogChunk>> chunksAfter = new HashMap<>();
        for (RunEventStream stream : waiting) {
            if (run == null) {
                dispatch(stream, List.of(), true, null, stream.lastSeq(), now, false);
                continue;
            }
            String status = run.status() + "|" + run.waitingReason() + "|" + run.cancelRequested();
            List<SseEventBuilder> events = new ArrayList<>();
            if (!status.equals(stream.lastStatus())) {
                events.add(SseEmitter.event().name("status").data(RunViews.RunSummary.of(run)));
            }
            // A stream's first batch is its status alone: should it beat the controller's return, Spring keeps
            // it and writes it on a Tomcat thread, where a small status cannot block.
            boolean first = stream.lastStatus() == null;
            List<LogChunk> chunks = first ? List.of()
                    : chunksAfter.computeIfAbsent(stream.lastSeq(), seq -> logs.after(runId, seq, CHUNKS_PER_TICK));
            chunks.forEach(chunk -> events.add(SseEmitter.event().name("log").id(String.valueOf(chunk.seq())).data(chunk.content())));
            boolean ended = run.status().isFinal() || run.status() == RunStatus.CANCELLED;
            boolean last = ended && !first && chunks.size() < CHUNKS_PER_TICK;
            if (events.isEmpty() && !last) {
                if (!stream.quietFor(now, settings.heartbeat().toNanos())) {
                    continue;
                }
                events.add(SseEmitter.event().comment(""));
            }
            long seq = chunks.isEmpty() ? stream.lastSeq() : chunks.get(chunks.size() - 1).seq();
            dispatch(stream, events, last, status, seq, now, chunks.size() == CHUNKS_PER_TICK);
        }
    }

    /** {@code more}: the batch is full, so more of the log is probably waiting for this stream. */
    private void dispatch(RunEventStream stream, List<SseEventBuilder> events, boolean last, String status, long seq, long now,
                          boolean more) {
        if (!stream.startBatch(now)) {
            return;
        }
        try {
            senders.execute(() -> {
                stream.send(events, last);
                if (more && !last) {
                    serveAgainSoon(stream);
                }
            });
            stream.advance(status, seq);
        } catch (RejectedExecutionException busy) {
            stream.batchNotStarted();
        }
    }

    /** More of the log is probably waiting: the ticker's thread serves this stream now, between ticks. */
    private void serveAgainSoon(RunEventStream stream) {
        try {
            ticker.execute(() -> {
                try {
                    if (stream.idle() && streams.contains(stream)) {
                        serve(stream.runId(), List.of(stream), System.nanoTime());
                    }
                } catch (RuntimeException e) {
                    log.warn("Reading run events failed; trying again on the next tick", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: the stream ends with it
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        senders.shutdownNow();
        streams.forEach(RunEventStream::endIfIdle);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
