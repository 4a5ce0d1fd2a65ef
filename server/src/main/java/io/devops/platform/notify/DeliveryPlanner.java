package io.devops.platform.notify;

import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.catalogsync.CatalogPlanWaiting;
import io.devops.platform.execution.RunAwaitsApproval;
import io.devops.platform.execution.RunEnded;
import io.devops.platform.execution.RunOutcome;
import io.devops.platform.execution.RunOutcomes;
import io.devops.platform.health.HealthNotice;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into deliveries: after the event's commit, on a thread of its own (the run's thread
 * only hands it over), it finds the rules that ask for the event, writes the message once from the
 * run's outcome, stores one delivery per channel and wakes the sender. A run never waits for this,
 * and nothing here can fail it.
 */
@Component
class DeliveryPlanner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);
    private static final int QUEUE = 10_000;

    private final Rules rules;
    private final Channels channels;
    private final Deliveries deliveries;
    private final DeliverySender sender;
    private final RunOutcomes outcomes;
    private final NotifyProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final String publicUrl;
    private final ThreadPoolExecutor planning = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "notify-plan");
                thread.setDaemon(true);
                return thread;
            });

    DeliveryPlanner(Rules rules, Channels channels, Deliveries deliveries, DeliverySender sender, RunOutcomes outcomes,
                    NotifyProperties properties, JsonMapper json, Clock clock,
                    @Value("${devops.public-url:http://localhost:8080}") String publicUrl) {
        this.rules = rules;
        this.channels = channels;
        this.deliveries = deliveries;
        this.sender = sender;
        this.outcomes = outcomes;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunEnded ended) {
        handOff(() -> planRun(ended), "run " + ended.runId() + " " + ended.status());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(NodeAcceptanceConcluded concluded) {
        if (!concluded.verdict().passes()) {
            handOff(() -> planAcceptance(concluded), "node " + concluded.nodeId() + " acceptance " + concluded.verdict());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunAwaitsApproval waiting) {
        handOff(() -> planApproval(waiting), "run " + waiting.runId() + " awaiting approval");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogPlanWaiting waiting) {
        handOff(() -> planCatalog(waiting), "Git source " + waiting.sourceId() + " commit " + waiting.commit());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(HealthNotice notice) {
        handOff(() -> planHealth(notice), "node " + notice.nodeId() + " " + notice.kind());
    }

    /** "Send a test message": one delivery, tried like any other. */
    long test(Channel channel) {
        long id = deliveries.insert(channel.id(), NotificationEvent.TEST, null, null, json.writeValueAsString(Message.test(clock.instant())),
                clock.instant());
        sender.wake();
        return id;
    }

    @PreDestroy
    void stop() {
        planning.shutdownNow();
    }

    private void handOff(Runnable plan, String what) {
        try {
            planning.execute(() -> {
                try {
                    plan.run();
                } catch (RuntimeException e) {
                    log.warn("Notifications: nothing sent for {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Notifications: nothing sent for {}: {} events already wait to be planned", what, QUEUE);
        }
    }

    private void planRun(RunEnded ended) {
        NotificationEvent event = NotificationEvent.ofRun(ended.status());
        List<Long> channelIds = channelsFor(event, ended.jobId());
        if (channelIds.isEmpty()) {
            return;
        }
        outcomes.of(ended.runId(), properties.firstFailedNodes())
                .ifPresent(outcome -> store(channelIds, event, outcome.runId(), null, runMessage(event, outcome)));
    }

    private void planAcceptance(NodeAcceptanceConcluded concluded) {
        Optional<RunOutcome> outcome = outcomes.of(concluded.runId(), Integer.MAX_VALUE);
        Long jobId = outcome.map(RunOutcome::jobId).orElse(null);
        List<Long> channelIds = channelsFor(NotificationEvent.NODE_ACCEPTANCE_FAILED, jobId);
        if (channelIds.isEmpty()) {
            return;
        }
        List<Message.FailedNode> node = outcome.map(run -> run.failedNodes().stream()
                .filter(failed -> failed.nodeId() == concluded.nodeId()).map(DeliveryPlanner::failedNode).toList()).orElse(List.of());
        String ip = node.isEmpty() ? "#" + concluded.nodeId() : node.get(0).ip();
        Message message = new Message(NotificationEvent.NODE_ACCEPTANCE_FAILED, concluded.at(), concluded.runId(), jobId,
                outcome.map(RunOutcome::jobName).orElse(null), outcome.map(RunOutcome::status).orElse(null), null, null, null, node,
                concluded.nodeId(), ip, concluded.verdict().name(), concluded.reason(), link(concluded.runId()));
        store(channelIds, NotificationEvent.NODE_ACCEPTANCE_FAILED, concluded.runId(), concluded.nodeId(), message);
    }

    private void planApproval(RunAwaitsApproval waiting) {
        List<Long> channelIds = channelsFor(NotificationEvent.RUN_PENDING_APPROVAL, waiting.jobId());
        if (channelIds.isEmpty()) {
            return;
        }
        Message message = new Message(NotificationEvent.RUN_PENDING_APPROVAL, waiting.at(), waiting.runId(), waiting.jobId(),
                waiting.jobName(), "PENDING_APPROVAL", null, waiting.nodeCount(), null, List.of(), null, null, null,
                waiting.requestedBy() + ": " + String.join("; ", waiting.reasons()), link(waiting.runId()));
        store(channelIds, NotificationEvent.RUN_PENDING_APPROVAL, waiting.runId(), null, message);
    }

    /** Catalog plans belong to no job: only rules for every job hear of them. */
    private void planCatalog(CatalogPlanWaiting waiting) {
        List<Long> channelIds = channelsFor(NotificationEvent.CATALOG_PLAN_WAITING, null);
        if (channelIds.isEmpty()) {
            return;
        }
        String status = waiting.conflicts() > 0 ? "CONFLICT" : "PENDING_APPROVAL";
        String what = "Git source #%d %s (%s), commit %s: %d to create, %d new versions, %d conflicts".formatted(
                waiting.sourceId(), waiting.url(), waiting.ref(), waiting.commit(), waiting.creates(), waiting.newVersions(),
                waiting.conflicts());
        Message message = new Message(NotificationEvent.CATALOG_PLAN_WAITING, waiting.at(), null, null, null, status, null,
                null, null, List.of(), null, null, null, what, publicUrl + "/#/catalog/git-sources");
        store(channelIds, NotificationEvent.CATALOG_PLAN_WAITING, null, null, message);
    }

    /** A health notice concerns no job: the rules for every job hear it (see docs/HEALTH.md on tenants' channels). */
    private void planHealth(HealthNotice notice) {
        NotificationEvent event = NotificationEvent.ofHealth(notice.kind());
        List<Long> channelIds = channelsFor(event, null);
        if (channelIds.isEmpty()) {
            return;
        }
        String condition = notice.component() + " " + notice.code() + " (" + notice.severity() + ")";
        String reason = notice.reason() + (notice.evidence() == null ? "" : "; evidence: " + notice.evidence());
        Message message = new Message(event, notice.at(), null, null, null, null, null, null, null, List.of(), notice.nodeId(),
                notice.nodeIp(), condition, reason, publicUrl + "/#/nodes/" + notice.nodeId());
        store(channelIds, event, null, notice.nodeId(), message);
    }

    /** The enabled channels that a rule for this event and job (or for every job) names, each once. */
    private List<Long> channelsFor(NotificationEvent event, Long jobId) {
        return rules.forJob(jobId).stream().filter(rule -> rule.matches(event, jobId)).map(Rule::channelId).distinct()
                .filter(id -> channels.get(id).filter(Channel::enabled).isPresent()).toList();
    }

    private void store(List<Long> channelIds, NotificationEvent event, Long runId, Long nodeId, Message message) {
        String text = json.writeValueAsString(message);
        channelIds.forEach(channelId -> deliveries.insert(channelId, event, runId, nodeId, text, clock.instant()));
        sender.wake();
    }

    private Message runMessage(NotificationEvent event, RunOutcome outcome) {
        return new Message(event, outcome.endedAt() == null ? clock.instant() : outcome.endedAt(), outcome.runId(), outcome.jobId(),
                outcome.jobName(), outcome.status(), outcome.durationMs(), outcome.nodeCount(), outcome.failedNodeCount(),
                outcome.failedNodes().stream().map(DeliveryPlanner::failedNode).toList(), null, null, null, null,
                link(outcome.runId()));
    }

    private static Message.FailedNode failedNode(RunOutcome.FailedNode node) {
        return new Message.FailedNode(node.ip(), node.hostname(), node.step(), node.status(), node.message());
    }

    private String link(long runId) {
        return publicUrl + "/#/runs/" + runId; // the console routes by hash
    }
}
