package io.devops.platform.execution.logs;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One client's stream of a run's events: where it is in the log, and at most one batch of writes
 * in flight. The ticker of {@link RunEvents} alone moves the position and starts batches; a sender
 * thread writes them. {@link State} is the hand-off between the two, so that a stream is ended
 * exactly once whatever the order in which the ticker (dropping it) and the sender (finishing a
 * write) get there.
 */
final class RunEventStream {

    private enum State { IDLE, SENDING, DROPPED, CLOSED }

    private final long runId;
    private final String user;
    private final SseEmitter emitter;
    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    private final AtomicBoolean released = new AtomicBoolean();
    private final Consumer<RunEventStream> onClosed;
    /** When the last write finished (or the current batch started): what "stuck" and "idle" are measured from. */
    private volatile long progressAt;
    private long lastSeq;
    private String lastStatus;

    RunEventStream(long runId, long afterSeq, String user, SseEmitter emitter, long now, Consumer<RunEventStream> onClosed) {
        this.runId = runId;
        this.lastSeq = afterSeq;
        this.user = user;
        this.emitter = emitter;
        this.progressAt = now;
        this.onClosed = onClosed;
    }

    long runId() {
        return runId;
    }

    String user() {
        return user;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastStatus() {
        return lastStatus;
    }

    boolean idle() {
        return state.get() == State.IDLE;
    }

    boolean quietFor(long now, long nanos) {
        return now - progressAt >= nanos;
    }

    /** Claims the stream for a batch (ticker only); false when a write is in flight or it has ended. */
    boolean startBatch(long now) {
        if (!state.compareAndSet(State.IDLE, State.SENDING)) {
            return false;
        }
        progressAt = now;
        return true;
    }

    /** The batch could not be handed to a sender (all busy): it is tried again on the next tick. */
    void batchNotStarted() {
        state.compareAndSet(State.SENDING, State.IDLE);
    }

    /** The batch was handed over: the position moves on (ticker only; the next batch waits for this one). */
    void advance(String status, long seq) {
        lastStatus = status;
        lastSeq = seq;
    }

    /**
     * Marks the stream dropped when a write has not moved for {@code timeoutNanos}. Its sender ends
     * it as soon as the write returns: the emitter's own lock is held by that write, so nothing
     * else can end it earlier.
     */
    boolean dropIfStuck(long now, long timeoutNanos) {
        return state.get() == State.SENDING && now - progressAt > timeoutNanos
                && state.compareAndSet(State.SENDING, State.DROPPED);
    }

    /** Writes the batch (a sender thread); {@code last}: the run has ended and this is the end of its log. */
    void send(List<SseEventBuilder> events, boolean last) {
        try {
            for (SseEventBuilder event : events) {
                if (state.get() != State.SENDING) {
                    break; // dropped, or the client went away: the rest is not wanted
                }
                emitter.send(event);
                progressAt = System.nanoTime();
            }
        } catch (IOException | RuntimeException gone) {
            end(gone);
            return;
        }
        if (last || !state.compareAndSet(State.SENDING, State.IDLE)) {
            end(null); // finished, or dropped while writing: the client resumes with Last-Event-ID
        }
    }

    /** Ends an idle stream (the server stops). */
    void endIfIdle() {
        if (state.compareAndSet(State.IDLE, State.SENDING)) {
            end(null);
        }
    }

    /** The client or the container ended it: frees its slot. */
    void released() {
        state.set(State.CLOSED);
        if (released.compareAndSet(false, true)) {
            onClosed.accept(this);
        }
    }

    private void end(Throwable failure) {
        state.set(State.CLOSED);
        if (failure == null) {
            emitter.complete();
        } else {
            emitter.completeWithError(failure);
        }
        released();
    }
}
