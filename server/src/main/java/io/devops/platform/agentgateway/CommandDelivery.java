package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.AgentCommands.Delivery;
import io.devops.platform.agentgateway.AgentCommands.Pending;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jakarta.servlet.AsyncContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands commands to agents' held polls. Commands live in the database, so a command submitted on
 * any instance reaches an agent waiting on this one: one loop thread looks for pending commands
 * of the nodes waiting here every {@code devops.agent.delivery-interval} (at once when this
 * instance queued one), claims them with a conditional update and answers those polls. No request
 * thread is held while an agent waits (servlet async requests, see {@link Waiter}).
 */
@Component
class CommandDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandDelivery.class);
    private static final int CHUNK = 1000;
    static final int GRACE_SECONDS = 30;
    private static final int MAX_PENDING_PER_TICK = 20_000;

    private final Map<Long, Waiter> waiters = new ConcurrentHashMap<>();
    private final AgentCommands commands;
    private final AgentCredentials credentials;
    private final ScriptBlobs blobs;
    private final CommandTimeouts timeouts;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration interval;
    private final int inlineScriptMaxBytes;
    private final Object signal = new Object();
    private boolean woken;
    private volatile Thread loop;

    CommandDelivery(AgentCommands commands, AgentCredentials credentials, ScriptBlobs blobs, CommandTimeouts timeouts,
                    JsonMapper json, Clock clock,
                    @Value("${devops.agent.delivery-interval:200ms}") Duration interval,
                    @Value("${devops.agent.inline-script-max-bytes:16384}") int inlineScriptMaxBytes) {
        this.commands = commands;
        this.credentials = credentials;
        this.blobs = blobs;
        this.timeouts = timeouts;
        this.json = json;
        this.clock = clock;
        this.interval = interval;
        this.inlineScriptMaxBytes = inlineScriptMaxBytes;
    }

    /** The node's pending commands and cancellations, claimed for it; empty when nothing is pending. */
    PollAnswer answerNow(AgentNode agent, List<Pending> pending) {
        return pending.isEmpty() ? PollAnswer.EMPTY : deliver(pending).getOrDefault(agent.nodeId(), PollAnswer.EMPTY);
    }

    /**
     * Holds the poll until something is pending for the node (answered by the delivery loop) or
     * until {@code wait} has passed (answered empty). A newer poll of the same node replaces it.
     */
    void hold(AgentNode agent, AsyncContext async, Duration wait) {
        async.setTimeout(wait.toMillis() + 10_000);
        Waiter waiter = new Waiter(agent, async, json, clock.instant().plus(wait));
        waiter.onEnd(() -> waiters.remove(agent.nodeId(), waiter));
        Waiter replaced = waiters.put(agent.nodeId(), waiter);
        if (replaced != null && replaced.take()) {
            replaced.answer(PollAnswer.EMPTY);
        }
        // No wake-up here: this node's pending commands were just checked, and the next tick covers the gap.
    }

    /** Something was queued or cancelled on this instance: look now rather than at the next tick. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Ends the held poll of a node whose credential was just revoked. */
    void disconnect(long nodeId) {
        Waiter waiter = waiters.remove(nodeId);
        if (waiter != null && waiter.take()) {
            waiter.refuse(AgentRefusedException.unauthorized("The agent's credential was revoked"));
        }
    }

    int waiting() {
        return waiters.size();
    }

    void tick() {
        Instant now = clock.instant();
        waiters.values().removeIf(waiter -> {
            boolean expired = !waiter.expiresAt().isAfter(now);
            if (expired && waiter.take()) {
                waiter.answer(PollAnswer.EMPTY);
            }
            return expired;
        });
        if (waiters.isEmpty()) {
            return;
        }
        // Pending work is short-lived (it is delivered at the next poll or ends LOST when its agent is
        // offline), so one indexed query for all of it is cheaper than asking per waiting node.
        List<Pending> pending = commands.pending(MAX_PENDING_PER_TICK).stream()
                .filter(p -> waiters.containsKey(p.nodeId())).toList();
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, Waiter> taken = new HashMap<>();
        for (Long node : pending.stream().map(Pending::nodeId).collect(Collectors.toSet())) {
            Waiter waiter = waiters.remove(node);
            if (waiter != null && waiter.take()) {
                taken.put(node, waiter);
            }
        }
        Set<Long> live = credentials.stillLive(taken.values().stream().map(w -> w.agent().credentialId()).toList());
        taken.values().removeIf(waiter -> {
            boolean revoked = !live.contains(waiter.agent().credentialId());
            if (revoked) {
                waiter.refuse(AgentRefusedException.unauthorized("The agent's credential was revoked"));
            }
            return revoked;
        });
        Map<Long, PollAnswer> answers = deliver(pending.stream().filter(p -> taken.containsKey(p.nodeId())).toList());
        taken.forEach((node, waiter) -> waiter.answer(answers.getOrDefault(node, PollAnswer.EMPTY)));
    }

    /** Claims the pending commands and cancellations and groups them into one answer per node. */
    private Map<Long, PollAnswer> deliver(List<Pending> pending) {
        String claim = UUID.randomUUID().toString();
        List<Long> queued = pending.stream().filter(p -> p.status() == CommandStatus.QUEUED).map(Pending::id).toList();
        List<Long> cancels = pending.stream().filter(p -> p.status() == CommandStatus.CANCEL_REQUESTED).map(Pending::id).toList();
        List<Delivery> delivered = new ArrayList<>();
        List<Pending> cancelled = new ArrayList<>();
        for (int from = 0; from < queued.size(); from += CHUNK) {
            delivered.addAll(commands.claimDeliveries(queued.subList(from, Math.min(queued.size(), from + CHUNK)), claim,
                    clock.instant(), GRACE_SECONDS));
        }
        for (int from = 0; from < cancels.size(); from += CHUNK) {
            cancelled.addAll(commands.claimCancels(cancels.subList(from, Math.min(cancels.size(), from + CHUNK)), claim));
        }
        Map<String, byte[]> scripts = blobs.smallOnes(delivered.stream().map(Delivery::scriptSha256).collect(Collectors.toSet()),
                inlineScriptMaxBytes);
        Map<Long, List<PollAnswer.Command>> byNode = new HashMap<>();
        for (Delivery d : delivered) {
            byte[] script = scripts.get(d.scriptSha256());
            byNode.computeIfAbsent(d.nodeId(), n -> new ArrayList<>()).add(new PollAnswer.Command(d.id(), d.scriptSha256(),
                    script == null ? null : Base64.getEncoder().encodeToString(script),
                    json.readValue(d.argsJson(), new TypeReference<List<String>>() { }),
                    json.readValue(d.envJson(), new TypeReference<Map<String, String>>() { }), d.workdir(), d.timeoutSeconds(),
                    d.runAs()));
        }
        Map<Long, List<Long>> cancelByNode = cancelled.stream()
                .collect(Collectors.groupingBy(Pending::nodeId, Collectors.mapping(Pending::id, Collectors.toList())));
        Map<Long, PollAnswer> answers = new HashMap<>();
        for (Long node : union(byNode.keySet(), cancelByNode.keySet())) {
            answers.put(node, new PollAnswer(byNode.getOrDefault(node, List.of()), cancelByNode.getOrDefault(node, List.of())));
        }
        return answers;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void run() {
        Instant nextSweep = Instant.EPOCH;
        while (loop == Thread.currentThread()) {
            synchronized (signal) {
                if (!woken) {
                    try {
                        signal.wait(interval.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
            }
            try {
                tick();
                if (!clock.instant().isBefore(nextSweep)) {
                    timeouts.sweep();
                    nextSweep = clock.instant().plus(timeouts.interval());
                }
            } catch (RuntimeException e) {
                log.warn("Agent command delivery failed; retrying at the next tick: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "agent-command-delivery");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = loop;
        loop = null;
        if (thread != null) {
            thread.interrupt();
        }
        waiters.values().forEach(waiter -> {
            if (waiter.take()) {
                waiter.answer(PollAnswer.EMPTY);
            }
        });
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
