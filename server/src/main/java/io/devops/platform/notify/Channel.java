package io.devops.platform.notify;

import java.time.Instant;
import java.util.List;

/** A channel as stored: its address and secret sealed, what can be shown beside them. */
record Channel(long id, String name, ChannelType type, Language language, boolean enabled, String urlSealed, String urlMasked,
               String secretSealed, Smtp smtp, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static final String URL_PURPOSE = "notification_channels.url";
    static final String SECRET_PURPOSE = "notification_channels.secret";

    /** An e-mail channel's server and addresses; the password is the channel's secret. */
    record Smtp(String host, Integer port, String username, String from, List<String> to, Boolean starttls) {

        Smtp {
            to = to == null ? List.of() : List.copyOf(to);
            starttls = starttls == null || starttls;
        }
    }

    @Override
    public String toString() {
        return "Channel[id=" + id + ", name=" + name + ", type=" + type + ", url=" + urlMasked + "]";
    }
}
