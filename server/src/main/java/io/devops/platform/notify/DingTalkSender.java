package io.devops.platform.notify;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DingTalk group robot: a Markdown message; with a signing secret, {@code timestamp} (ms) and
 * {@code sign} are added to the robot's address as DingTalk documents.
 */
@Component
class DingTalkSender implements ChannelSender {

    private final HttpPost http;
    private final JsonMapper json;
    private final Clock clock;

    DingTalkSender(HttpPost http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.DINGTALK;
    }

    @Override
    public SendResult send(OpenChannel channel, Message message, MessageText text) {
        ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", text.title()).put("text", text.markdown());
        String url = channel.url();
        if (channel.secret() != null) {
            long timestamp = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + Signatures.dingTalk(channel.secret(), timestamp);
        }
        return http.post(url, Map.of(), json.writeValueAsString(body));
    }
}
