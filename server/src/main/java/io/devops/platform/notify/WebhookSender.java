package io.devops.platform.notify;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic webhook: the message as JSON (its words and its data), signed in
 * {@code X-Devops-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with the
 * {@code X-Devops-Timestamp} (epoch seconds) it covers, so that a receiver can refuse old replays.
 */
@Component
class WebhookSender implements ChannelSender {

    static final String TIMESTAMP_HEADER = "X-Devops-Timestamp";
    static final String SIGNATURE_HEADER = "X-Devops-Signature";

    private final HttpPost http;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSender(HttpPost http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public SendResult send(OpenChannel channel, Message message, MessageText text) {
        ObjectNode body = json.createObjectNode().put("event", message.event().name())
                .put("language", channel.channel().language().tag()).put("title", text.title()).put("text", text.plain());
        body.set("data", json.valueToTree(message));
        String payload = json.writeValueAsString(body);
        long timestamp = clock.instant().getEpochSecond();
        return http.post(channel.url(), Map.of(TIMESTAMP_HEADER, Long.toString(timestamp),
                SIGNATURE_HEADER, Signatures.webhook(channel.secret() == null ? "" : channel.secret(), timestamp, payload)), payload);
    }
}
