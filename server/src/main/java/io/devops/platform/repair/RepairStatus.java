package io.devops.platform.repair;

/** Where a repair attempt is; every status but ENDED is picked up again after a restart. */
enum RepairStatus {
    PENDING, WAITING, ACTING, REACCEPTING, ENDED
}
