package io.devops.platform.notify;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A WeCom (企业微信) group robot: a Markdown message; not signed, the robot's key is in its address. */
@Component
class WeComSender implements ChannelSender {

    private final HttpPost http;
    private final JsonMapper json;

    WeComSender(HttpPost http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WECOM;
    }

    @Override
    public SendResult send(OpenChannel channel, Message message, MessageText text) {
        ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", text.markdown());
        return http.post(channel.url(), Map.of(), json.writeValueAsString(body));
    }
}
