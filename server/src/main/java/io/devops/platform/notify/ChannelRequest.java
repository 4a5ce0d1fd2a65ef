package io.devops.platform.notify;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of creating and changing a channel. {@code url}: the robot's or webhook's address (HTTP
 * types); {@code smtp}: the mail server and addresses (email); {@code secret}: the signing secret, or
 * the SMTP password. On a change, a {@code url} or {@code secret} left out (null) is kept and an
 * empty {@code secret} removes it. Its toString never shows the address or the secret.
 */
record ChannelRequest(@Size(max = 64) String name, String type, @Size(max = 2000) String url, SmtpRequest smtp,
                      @Size(max = 500) String secret, String language, Boolean enabled) {

    record SmtpRequest(@Size(max = 255) String host, Integer port, @Size(max = 255) String username,
                       @Size(max = 255) String from, List<@Size(max = 255) String> to, Boolean starttls) {
    }

    @Override
    public String toString() {
        return "ChannelRequest[name=" + name + ", type=" + type + ", url given=" + (url != null) + ", secret given="
                + (secret != null) + "]";
    }
}
