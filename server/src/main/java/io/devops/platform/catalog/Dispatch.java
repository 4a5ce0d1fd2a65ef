package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a task runs: through Ansible on each target node, through the agent on each target node,
 * or once on a launcher node that is given the whole host list (multi-node NCCL / torch tests).
 */
public enum Dispatch {
    ANSIBLE, AGENT, LAUNCHER;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Dispatch parse(String text) {
        for (Dispatch dispatch : values()) {
            if (dispatch.apiName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return dispatch;
            }
        }
        throw new IllegalArgumentException("must be ansible, agent or launcher, not '" + text + "'");
    }
}
