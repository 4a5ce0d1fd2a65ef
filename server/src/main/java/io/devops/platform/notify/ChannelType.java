package io.devops.platform.notify;

import io.devops.platform.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** Where a channel sends: its API name is the lower-case one ("dingtalk"). */
enum ChannelType {
    WEBHOOK, DINGTALK, FEISHU, WECOM, EMAIL;

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every type but e-mail posts to an address over HTTP. */
    boolean overHttp() {
        return this != EMAIL;
    }

    /** WeCom robots are not signed: their key is in the address. */
    boolean signable() {
        return this != WECOM;
    }

    static ChannelType parse(String name) {
        return Arrays.stream(values()).filter(type -> type.apiName().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("type", "'" + name + "' is not a channel type; use webhook, dingtalk, "
                        + "feishu, wecom or email"));
    }
}
