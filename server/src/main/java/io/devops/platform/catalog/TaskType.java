package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two kinds of internal task: a generated playbook, or one shell command. */
public enum TaskType {
    PLAYBOOK, SHELL;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
