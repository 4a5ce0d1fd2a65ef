package io.devops.platform.notify;

import io.devops.platform.credentials.SecretSeal;
import io.devops.platform.credentials.SecretsUnavailableException;
import io.devops.platform.notify.Deliveries.Delivery;
import io.devops.platform.notify.Deliveries.Status;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries from threads of its own: one looks for due ones (every poll interval, and at
 * once when a new one is stored here), a few send them, so that a slow service holds up only its own
 * messages. Each try is recorded; a failed one is tried again after a growing wait until the
 * attempts are used up. Several instances share the work: each try is claimed first.
 */
@Component
class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    private static final int BATCH = 20;
    private static final int SENDERS = 4;

    private final Deliveries deliveries;
    private final Channels channels;
    private final SecretSeal seal;
    private final NotifyProperties properties;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("notify-poll"));
    private final ExecutorService sending = Executors.newFixedThreadPool(SENDERS, daemon("notify-send"));

    DeliverySender(Deliveries deliveries, Channels channels, SecretSeal seal, NotifyProperties properties, JsonMapper json,
                   TransactionTemplate transaction, Clock clock, List<ChannelSender> senders) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.seal = seal;
        this.properties = properties;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        sending.shutdownNow();
    }

    /** Looks for due deliveries now rather than at the next poll. */
    void wake() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException shuttingDown) {
            // the server is stopping; another instance, or this one's next start, sends it
        }
    }

    private void poll() {
        try {
            Instant now = clock.instant();
            Instant until = now.plus(properties.connectTimeout()).plus(properties.readTimeout()).plus(Duration.ofSeconds(30));
            for (Delivery delivery : deliveries.due(now, BATCH)) {
                if (deliveries.claim(delivery, until)) {
                    sending.execute(() -> attempt(delivery));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Notifications: could not look for due deliveries: {}", e.toString());
        }
    }

    private void attempt(Delivery delivery) {
        try {
            channels.get(delivery.channelId()).ifPresent(channel -> attempt(delivery, channel));
        } catch (RuntimeException e) {
            log.warn("Notifications: delivery {} could not be tried: {}", delivery.id(), e.toString());
        }
    }

    private void attempt(Delivery delivery, Channel channel) {
        long started = System.nanoTime();
        SendResult result = send(delivery, channel);
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        int attempt = delivery.attempts() + 1;
        Instant now = clock.instant();
        Status next = result.ok() ? Status.SUCCEEDED : attempt >= properties.attempts() ? Status.FAILED : Status.PENDING;
        Instant nextAt = next == Status.PENDING ? now.plus(properties.backoffAfter(attempt)) : null;
        transaction.executeWithoutResult(status -> deliveries.attempted(delivery, attempt, result, durationMs, now, next, nextAt));
        if (!result.ok()) {
            log.info("Notifications: delivery {} to channel '{}' try {} failed ({}){}", delivery.id(), channel.name(), attempt,
                    result.error(), next == Status.FAILED ? "; given up" : "; will try again at " + nextAt);
        }
    }

    private SendResult send(Delivery delivery, Channel channel) {
        try {
            Message message = json.readValue(delivery.message(), Message.class);
            OpenChannel open = new OpenChannel(channel, openUrl(channel), openSecret(channel));
            return senders.get(channel.type()).send(open, message, MessageText.of(message, channel.language()));
        } catch (SecretsUnavailableException e) {
            return SendResult.failed(null, e.getMessage());
        } catch (RuntimeException e) {
            return SendResult.failed(null, "could not send: " + e);
        }
    }

    private String openUrl(Channel channel) {
        return channel.urlSealed() == null ? null
                : seal.open(channel.urlSealed(), Channel.URL_PURPOSE, "notification channel '" + channel.name() + "' (its address)");
    }

    private String openSecret(Channel channel) {
        return channel.secretSealed() == null ? null
                : seal.open(channel.secretSealed(), Channel.SECRET_PURPOSE, "notification channel '" + channel.name() + "'");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
