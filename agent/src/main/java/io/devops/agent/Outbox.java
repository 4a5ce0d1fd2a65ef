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
 *
 * <p>Batches stay under {@link #MAX_BATCH_BYTES} of JSON, well below the server's request limit
 * (5 MB by default) and a reverse proxy's (nginx: 1 MB by default). A batch the server still
 * finds too large (413) lowers that budget, and a single chunk it refuses is split in two: either
 * way it was not stored, so it and the chunks after it may be numbered again. Output the server
 * refuses outright (400) is replaced by a note saying so, and the result goes after it as usual.
 *
 * <p>At most {@link #MAX_PENDING_CHARS} wait here: past that, {@link #append} blocks, and the
 * command's pipe with it, until the server has taken some, so a command that prints faster than
 * the server stores (or while it is unreachable) slows down rather than exhausting memory.
 */
final class Outbox {

    static final int MAX_CHUNK_CHARS = 64 * 1024;
    static final int MAX_CHUNKS_PER_BATCH = 100;
    /** The server takes at most 100 ended commands per poll. */
    static final int MAX_FINISHED_PER_POLL = 100;
    static final int MAX_BATCH_BYTES = 512 * 1024;
    static final int MAX_PENDING_CHARS = 4 * 1024 * 1024;
    /** JSON around each chunk's content: {"seq":…,"stream":"stdout","content":""}, and the body's own braces. */
    private static final int CHUNK_OVERHEAD_BYTES = 64;
    /** After this many refused batches, a command's refused output is dropped without a note (the note was refused too). */
    private static final int MAX_NOTES = 3;

    /** Health events waiting for the server, at most this many; past that the oldest give way (said in the log). */
    static final int MAX_HEALTH_EVENTS = 1000;
    static final int MAX_HEALTH_PER_BATCH = 100;

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    /** The latest event per condition instance (key and first seen): a newer one replaces one not yet sent. */
    private final Map<String, HealthEvent> health = new LinkedHashMap<>();
    private final int maxPendingChars;
    private int batchBytes = MAX_BATCH_BYTES;
    private long pendingChars;

    Outbox() {
        this(MAX_PENDING_CHARS);
    }

    Outbox(int maxPendingChars) {
        this.maxPendingChars = maxPendingChars;
    }

    synchronized void open(long commandId) {
        entries.putIfAbsent(commandId, new Entry());
    }

    /** Queues output; waits while the outbox is full (see the class comment). */
    synchronized void append(long commandId, String stream, String text) throws InterruptedException {
        while (pendingChars >= maxPendingChars && entries.containsKey(commandId)) {
            wait();
        }
        Entry entry = entries.get(commandId);
        if (entry != null) {
            entry.append(stream, text);
            pendingChars += text.length();
        }
    }

    synchronized void finish(long commandId, Result result) {
        Entry entry = entries.get(commandId);
        if (entry != null) {
            entry.seal(true);
            entry.result = result;
        }
    }

    synchronized Set<Long> ids() {
        return Set.copyOf(entries.keySet());
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The most bytes of chunk JSON one request carries now; lowered by {@link #tooLarge}. */
    synchronized int batchBytes() {
        return batchBytes;
    }

    /**
     * Ended commands whose whole remaining output fits one batch (all of them together), taken to
     * travel with the next poll; the reporter leaves them alone until they are {@link #remove
     * removed} or {@link #release released}.
     */
    synchronized List<Batch> claimFinished() {
        List<Batch> claimed = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<Long, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            if (entry.result == null || entry.claimed || entry.reporterOnly || claimed.size() >= MAX_FINISHED_PER_POLL) {
                continue;
            }
            entry.seal(true);
            long size = entry.unsent.stream().mapToLong(Outbox::jsonBytes).sum();
            if (entry.unsent.size() <= MAX_CHUNKS_PER_BATCH && bytes + size <= batchBytes) {
                bytes += size;
                entry.claimed = true;
                claimed.add(new Batch(e.getKey(), List.copyOf(entry.unsent), entry.resultToSend()));
            }
        }
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

    /**
     * What to send now, per command: the oldest sealed chunks, as many as fit one batch (always at
     * least one), and, once every chunk is out, the result.
     */
    synchronized List<Batch> due() {
        List<Batch> batches = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry.claimed) {
                return;
            }
            entry.seal(entry.result != null);
            List<Chunk> chunks = new ArrayList<>();
            long bytes = 0;
            for (Chunk chunk : entry.unsent) {
                long size = jsonBytes(chunk);
                if (!chunks.isEmpty() && (chunks.size() >= MAX_CHUNKS_PER_BATCH || bytes + size > batchBytes
                        || chunk.seq() <= entry.oneByOneUpTo)) {
                    break;
                }
                chunks.add(chunk);
                bytes += size;
            }
            boolean last = chunks.size() == entry.unsent.size();
            Result result = last && entry.result != null ? entry.resultToSend() : null;
            if (!chunks.isEmpty() || result != null) {
                batches.add(new Batch(id, List.copyOf(chunks), result));
            }
        });
        return batches;
    }

    /** Whether chunks are ready and waiting for the reporter: then it sends again without pausing. */
    synchronized boolean hasBacklog() {
        return entries.values().stream().anyMatch(entry -> !entry.claimed && !entry.unsent.isEmpty());
    }

    synchronized void acknowledged(long commandId, int upToSeq) {
        Entry entry = entries.get(commandId);
        if (entry != null) {
            while (!entry.unsent.isEmpty() && entry.unsent.peekFirst().seq() <= upToSeq) {
                pendingChars -= entry.unsent.pollFirst().content().length();
            }
            notifyAll();
        }
    }

    /**
     * The server answered 413 to this batch, so stored none of it: later batches carry half as
     * much, and a batch of one chunk has that chunk split in two (renumbering what follows).
     * False when nothing can be made smaller: one character is too much for the server.
     */
    synchronized boolean tooLarge(Batch batch) {
        long bytes = batch.chunks().stream().mapToLong(Outbox::jsonBytes).sum();
        batchBytes = (int) Math.max(1, Math.min(batchBytes, bytes / 2));
        if (batch.chunks().size() > 1) {
            return true;
        }
        Entry entry = entries.get(batch.commandId());
        Chunk chunk = batch.chunks().get(0);
        int cut = cutNear(chunk.content(), chunk.content().length() / 2);
        if (entry == null || entry.claimed || !entry.startsWith(batch.chunks()) || cut == 0) {
            return false;
        }
        entry.replaceHead(1, List.of(new Piece(chunk.stream(), chunk.content().substring(0, cut)),
                new Piece(chunk.stream(), chunk.content().substring(cut))));
        return true;
    }

    /**
     * The server refused this batch outright (400: it stored none of it). A batch of several chunks
     * is sent again one chunk at a time, to find the refused ones; a refused single chunk is
     * replaced by a note, in the output and in the result's message, so that the result still goes.
     */
    synchronized void refused(Batch batch, String reason) {
        Entry entry = entries.get(batch.commandId());
        if (entry == null || entry.claimed || !entry.startsWith(batch.chunks())) {
            return;
        }
        if (batch.chunks().size() > 1) {
            entry.oneByOneUpTo = batch.chunks().get(batch.chunks().size() - 1).seq();
            return;
        }
        int chars = batch.chunks().get(0).content().length();
        String note = "the server refused " + chars + " characters of output: " + reason;
        entry.notes++;
        entry.note = entry.note == null ? note : entry.note + "; " + note;
        List<Piece> replacement = entry.notes > MAX_NOTES ? List.of() : List.of(new Piece("stderr", "[agent] " + note + "\n"));
        pendingChars -= chars - replacement.stream().mapToInt(piece -> piece.content().length()).sum();
        entry.replaceHead(1, replacement);
        notifyAll();
    }

    synchronized void remove(long commandId) {
        Entry entry = entries.remove(commandId);
        if (entry != null) {
            pendingChars -= entry.pendingChars();
            notifyAll();
        }
    }

    /** Queues health events; an unsent event of the same condition is replaced by the newer one. */
    synchronized void health(List<HealthEvent> events) {
        for (HealthEvent event : events) {
            String key = event.key() + "|" + event.firstSeen();
            health.remove(key);
            health.put(key, event);
        }
        while (health.size() > MAX_HEALTH_EVENTS) {
            var oldest = health.keySet().iterator();
            Log.warn("health outbox full: dropping the oldest unsent event " + oldest.next());
            oldest.remove();
        }
    }

    /** The oldest health events, at most {@link #MAX_HEALTH_PER_BATCH}. */
    synchronized List<HealthEvent> dueHealth() {
        return health.values().stream().limit(MAX_HEALTH_PER_BATCH).toList();
    }

    /** The server stored these: they leave, unless a newer event of the same condition came meanwhile. */
    synchronized void healthStored(List<HealthEvent> stored) {
        stored.forEach(event -> health.remove(event.key() + "|" + event.firstSeen(), event));
    }

    synchronized List<HealthEvent> pendingHealth() {
        return List.copyOf(health.values());
    }

    /** The size of a chunk in a request body: its content as JSON string (UTF-8, escaped) and the fields around it. */
    static long jsonBytes(Chunk chunk) {
        String text = chunk.content();
        long bytes = CHUNK_OVERHEAD_BYTES;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6; // \\u00XX
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4; // with its low surrogate: one 4-byte character
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * A place to cut {@code text} at or just before {@code at} that keeps every character whole:
     * never between the two halves of a surrogate pair (one 4-byte UTF-8 character).
     */
    static int cutNear(String text, int at) {
        int cut = Math.min(at, text.length());
        if (cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))
                && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return cut;
    }

    record Chunk(int seq, String stream, String content) {
    }

    /** How the process ended: EXITED, TIMED_OUT, CANCELLED or FAILED_TO_START. */
    record Result(String outcome, Integer exitCode, long durationMs, String message, int chunks) {

        Result withChunks(int count) {
            return new Result(outcome, exitCode, durationMs, message, count);
        }

        Result noting(String note) {
            return note == null ? this : new Result(outcome, exitCode, durationMs,
                    message == null ? note : message + "; " + note, chunks);
        }
    }

    record Batch(long commandId, List<Chunk> chunks, Result result) {
    }

    private record Piece(String stream, String content) {
    }

    private static final class Entry {
        private final Deque<Chunk> unsent = new ArrayDeque<>();
        private final StringBuilder current = new StringBuilder();
        private String currentStream;
        private int nextSeq;
        private Result result;
        private boolean claimed;
        private boolean reporterOnly;
        private String note;
        private int notes;
        /** Chunks up to this seq go one per batch: a batch of them was refused, and only the refused ones become a note. */
        private int oneByOneUpTo = -1;

        void append(String stream, String text) {
            if (!stream.equals(currentStream)) {
                seal(true);
                currentStream = stream;
            } else if (current.length() + text.length() > MAX_CHUNK_CHARS) {
                seal(false);
            }
            current.append(text);
            while (current.length() > MAX_CHUNK_CHARS) {
                int cut = cutNear(current.toString(), MAX_CHUNK_CHARS);
                unsent.add(new Chunk(nextSeq++, stream, current.substring(0, cut)));
                current.delete(0, cut);
            }
        }

        /**
         * Turns the text gathered so far into a chunk. A high surrogate at its end waits for its
         * other half, unless the output has ended (then it cannot be valid text: U+FFFD, as the decoder would).
         */
        void seal(boolean ended) {
            int length = current.length();
            if (length > 0 && Character.isHighSurrogate(current.charAt(length - 1))) {
                if (!ended) {
                    length--;
                } else {
                    current.setCharAt(length - 1, '\uFFFD');
                }
            }
            if (length > 0) {
                unsent.add(new Chunk(nextSeq++, currentStream, current.substring(0, length)));
                current.delete(0, length);
            }
        }

        Result resultToSend() {
            return result.withChunks(nextSeq).noting(note);
        }

        boolean startsWith(List<Chunk> chunks) {
            return !chunks.isEmpty() && chunks.get(0).equals(unsent.peekFirst());
        }

        /**
         * Replaces the first {@code count} unsent chunks (never stored: the server said so) with
         * {@code pieces}, numbering them from the first one's seq and shifting every later number.
         */
        void replaceHead(int count, List<Piece> pieces) {
            int first = unsent.peekFirst().seq();
            int seq = first;
            for (int i = 0; i < count; i++) {
                unsent.pollFirst();
            }
            List<Chunk> renumbered = new ArrayList<>();
            for (Piece piece : pieces) {
                renumbered.add(new Chunk(seq++, piece.stream(), piece.content()));
            }
            for (Chunk rest : unsent) {
                renumbered.add(new Chunk(seq++, rest.stream(), rest.content()));
            }
            unsent.clear();
            unsent.addAll(renumbered);
            if (oneByOneUpTo >= first) {
                oneByOneUpTo += pieces.size() - count;
            }
            nextSeq = seq;
        }

        long pendingChars() {
            return current.length() + unsent.stream().mapToLong(chunk -> chunk.content().length()).sum();
        }
    }
}
