package io.devops.platform.agentgateway;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one command sent to one node's agent. */
public record CommandId(@JsonValue long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
