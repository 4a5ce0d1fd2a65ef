package io.devops.platform.notify;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Feishu/Lark custom bot: a text message; with a signing secret, the body carries
 * {@code timestamp} (seconds) and {@code sign} as Feishu documents.
 */
@Component
class FeishuSender implements ChannelSender {

    private final HttpPost http;
    private final JsonMapper json;
    private final Clock clock;

    FeishuSender(HttpPost http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.FEISHU;
    }

    @Override
    public SendResult send(OpenChannel channel, Message message, MessageText text) {
        ObjectNode body = json.createObjectNode();
        if (channel.secret() != null) {
            long timestamp = clock.instant().getEpochSecond();
            body.put("timestamp", Long.toString(timestamp)).put("sign", Signatures.feishu(channel.secret(), timestamp));
        }
        body.put("msg_type", "text").putObject("content").put("text", text.plain());
        return http.post(channel.url(), Map.of(), json.writeValueAsString(body));
    }
}
