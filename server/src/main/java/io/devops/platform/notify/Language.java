package io.devops.platform.notify;

import io.devops.platform.shared.InvalidInputException;
import java.util.Arrays;

/** The language a channel's messages are written in. */
enum Language {
    ZH_CN("zh-CN"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    static Language parse(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst()
                .orElseThrow(() -> new InvalidInputException("language", "'" + tag + "' is not supported; use zh-CN or en"));
    }
}
