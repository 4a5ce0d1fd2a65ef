package io.devops.platform.inventory;

import java.time.Instant;

/** Whether a node or pool is locked, and if so by whom, when and why. */
record LockState(boolean locked, String lockedBy, Instant lockedAt, String lockReason) {

    static final LockState UNLOCKED = new LockState(false, null, null, null);

    String describe(String what) {
        return what + " is locked by " + lockedBy + " since " + lockedAt + ": " + lockReason;
    }
}
