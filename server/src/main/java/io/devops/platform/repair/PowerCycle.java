package io.devops.platform.repair;

/**
 * Public API: turns a node off and on through its BMC. The repair module uses the one bean that
 * implements it; without one, a POWER_CYCLE fails with "no BMC configured".
 */
public interface PowerCycle {

    Result cycle(long nodeId);

    /** {@code detail} says what happened or why not. */
    record Result(boolean succeeded, String detail) {
    }
}
