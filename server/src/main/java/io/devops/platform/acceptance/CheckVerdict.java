package io.devops.platform.acceptance;

/**
 * A check's verdict on one node. PASS and WARN let the node through (WARN is shown); FAIL (measured
 * and below its line, or a fault seen) and ERROR (the check could not judge: its tool is missing or
 * failed, or its output is missing or unreadable) fail the node's step. Nothing passes by default.
 */
public enum CheckVerdict {
    PASS, WARN, FAIL, ERROR;

    /** Whether a node with this verdict may be delivered. */
    public boolean passes() {
        return this == PASS || this == WARN;
    }

    /** The worse of two verdicts: ERROR over FAIL over WARN over PASS. */
    public CheckVerdict worse(CheckVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
