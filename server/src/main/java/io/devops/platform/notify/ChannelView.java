package io.devops.platform.notify;

import java.time.Instant;
import java.util.List;

/**
 * A channel as the API shows it: the address masked ({@code https://oapi.dingtalk.com/***}), the
 * secret only as whether one is set.
 */
record ChannelView(long id, String name, String type, String language, boolean enabled, String url, SmtpView smtp,
                   boolean secretSet, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    record SmtpView(String host, Integer port, String username, String from, List<String> to, boolean starttls) {
    }

    static ChannelView of(Channel channel) {
        Channel.Smtp smtp = channel.smtp();
        return new ChannelView(channel.id(), channel.name(), channel.type().apiName(), channel.language().tag(), channel.enabled(),
                channel.urlMasked(), smtp == null ? null : new SmtpView(smtp.host(), smtp.port(), smtp.username(), smtp.from(),
                        smtp.to(), smtp.starttls()),
                channel.secretSealed() != null, channel.createdAt(), channel.createdBy(), channel.updatedAt(), channel.updatedBy());
    }
}
