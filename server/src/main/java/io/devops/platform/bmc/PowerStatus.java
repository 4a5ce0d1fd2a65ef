package io.devops.platform.bmc;

/** A node's power state as its BMC reported it; {@code detail} is the BMC's answer or why there is none. */
public record PowerStatus(State state, String detail) {

    public enum State {
        ON, OFF, UNKNOWN
    }
}
