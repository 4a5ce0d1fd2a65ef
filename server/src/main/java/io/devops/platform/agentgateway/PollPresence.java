package io.devops.platform.agentgateway;

import io.devops.platform.inventory.NodeRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls count as heartbeats. Writing one per poll would cost a write per command delivered, and
 * one per node at 5,000 nodes is hundreds of writes a second; so a node is noted at most once per
 * {@link #PRECISION} and the notes are written together once a second (one statement per
 * thousand nodes). A node may thus look up to a second older than it is, far inside the offline
 * window.
 */
@Component
class PollPresence implements SmartLifecycle {

    static final Duration PRECISION = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(PollPresence.class);

    private final Map<Long, Instant> lastNoted = new ConcurrentHashMap<>();
    private final Set<Long> unwritten = ConcurrentHashMap.newKeySet();
    private final NodeRegistry registry;
    private final Clock clock;
    private volatile ScheduledExecutorService writer;

    PollPresence(NodeRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The node's agent polled: noted unless it was within the precision. */
    void polled(long nodeId) {
        Instant now = clock.instant();
        Instant last = lastNoted.get(nodeId);
        if (last == null || !last.plus(PRECISION).isAfter(now)) {
            lastNoted.put(nodeId, now);
            unwritten.add(nodeId);
        }
    }

    /** The node's heartbeat was just written by other means (an explicit heartbeat, facts). */
    void written(long nodeId) {
        lastNoted.put(nodeId, clock.instant());
    }

    /** Writes the noted heartbeats now. */
    void flush() {
        List<Long> nodes = new ArrayList<>();
        for (Iterator<Long> it = unwritten.iterator(); it.hasNext(); ) {
            nodes.add(it.next());
            it.remove();
        }
        if (!nodes.isEmpty()) {
            registry.markSeen(nodes, clock.instant());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Writing agents' heartbeats failed; they are written at the next poll: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agent-presence-writer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
        writer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = writer;
        writer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        flushQuietly();
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }
}
