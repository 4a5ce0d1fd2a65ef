package io.devops.platform.repair;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The attempts this instance is carrying now, so that the resume task never starts one twice. */
@Component
class CarriedRepairs {

    private final Set<Long> ids = ConcurrentHashMap.newKeySet();

    /** False when it is carried already. */
    boolean take(long repairId) {
        return ids.add(repairId);
    }

    void release(long repairId) {
        ids.remove(repairId);
    }
}
