package io.devops.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Output and results not yet acknowledged by the server, per command. Text is cut into numbered
 * chunks (stdout and stderr kept in order); a chunk leaves the outbox only when the server has
 * stored it, so a reconnect re-sends it and the server's (command, seq) key stores it once. The
 * result goes after the last chunk, and the command leaves the outbox when the result is stored.
 */
final class Outbox {

    static final int MAX_CHUNK_CHARS = 64 * 1024;
    static final int MAX_CHUNKS_PER_BATCH = 100;

    private final Map<Long, Entry> entries = new LinkedHashMap<>();

    synchronized void open(long commandId) {
        entries.putIfAbsent(commandId, new Entry());
    }

    synchronized void append(long commandId, String stream, String text) {
        Entry entry = entries.get(commandId);
        if (entry != null) {
            entry.append(stream, text);
        }
    }

    synchronized void finish(long commandId, Result result) {
        Entry entry = entries.get(commandId);
        if (entry != null) {
            entry.seal();
            entry.result = result;
        }
    }

    synchronized Set<Long> ids() {
        return Set.copyOf(entries.keySet());
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Ended commands whose whole remaining output fits one batch, taken to travel with the next
     * poll; the reporter leaves them alone until they are {@link #remove removed} or
     * {@link #release released}.
     */
    synchronized List<Batch> claimFinished() {
        List<Batch> claimed = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry.result != null && !entry.claimed && !entry.reporterOnly) {
                entry.seal();
                if (entry.unsent.size() <= MAX_CHUNKS_PER_BATCH) {
                    entry.claimed = true;
                    claimed.add(new Batch(id, List.copyOf(entry.unsent), entry.result.withChunks(entry.nextSeq)));
                }
            }
        });
        return claimed;
    }

    /** The poll did not deliver them: the reporter sends them (and only it, if {@code reporterOnly}). */
    synchronized void release(List<Batch> batches, boolean reporterOnly) {
        batches.forEach(batch -> {
            Entry entry = entries.get(batch.commandId());
            if (entry != null) {
                entry.claimed = false;
                entry.reporterOnly |= reporterOnly;
            }
        });
    }

    /** What to send now: sealed chunks (up to a batch) and, once every chunk is out, the result. */
    synchronized List<Batch> due() {
        List<Batch> batches = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry.claimed) {
                return;
            }
            entry.seal();
            List<Chunk> chunks = entry.unsent.stream().limit(MAX_CHUNKS_PER_BATCH).toList();
            boolean last = chunks.size() == entry.unsent.size();
            Result result = last && entry.result != null ? entry.result.withChunks(entry.nextSeq) : null;
            if (!chunks.isEmpty() || result != null) {
                batches.add(new Batch(id, chunks, result));
            }
        });
        return batches;
    }

    synchronized void acknowledged(long commandId, int upToSeq) {
        Entry entry = entries.get(commandId);
        if (entry != null) {
            entry.unsent.removeIf(chunk -> chunk.seq() <= upToSeq);
        }
    }

    synchronized void remove(long commandId) {
        entries.remove(commandId);
    }

    record Chunk(int seq, String stream, String content) {
    }

    /** How the process ended: EXITED, TIMED_OUT, CANCELLED or FAILED_TO_START. */
    record Result(String outcome, Integer exitCode, long durationMs, String message, int chunks) {

        Result withChunks(int count) {
            return new Result(outcome, exitCode, durationMs, message, count);
        }
    }

    record Batch(long commandId, List<Chunk> chunks, Result result) {
    }

    private static final class Entry {
        private final Deque<Chunk> unsent = new ArrayDeque<>();
        private final StringBuilder current = new StringBuilder();
        private String currentStream;
        private int nextSeq;
        private Result result;
        private boolean claimed;
        private boolean reporterOnly;

        void append(String stream, String text) {
            if (!stream.equals(currentStream) || current.length() + text.length() > MAX_CHUNK_CHARS) {
                seal();
                currentStream = stream;
            }
            current.append(text);
            while (current.length() > MAX_CHUNK_CHARS) {
                unsent.add(new Chunk(nextSeq++, stream, current.substring(0, MAX_CHUNK_CHARS)));
                current.delete(0, MAX_CHUNK_CHARS);
            }
        }

        void seal() {
            if (current.length() > 0) {
                unsent.add(new Chunk(nextSeq++, currentStream, current.toString()));
                current.setLength(0);
            }
        }
    }
}
