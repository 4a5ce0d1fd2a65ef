package io.devops.platform.agentgateway;

import java.util.ArrayList;
import java.util.List;

/** Ids from {@code first} to {@code last}, both included. */
record IdRange(long first, long last) {

    /** Past this gap between two ids, reading the ids between costs more than a second query. */
    static final long MAX_GAP = 1000;

    /**
     * The fewest ranges that hold all these ids (sorted ascending) without spanning a gap wider
     * than {@link #MAX_GAP}: commands queued together read as one range.
     */
    static List<IdRange> covering(List<Long> sortedIds) {
        List<IdRange> ranges = new ArrayList<>();
        if (sortedIds.isEmpty()) {
            return ranges;
        }
        long first = sortedIds.get(0);
        long last = first;
        for (long id : sortedIds.subList(1, sortedIds.size())) {
            if (id - last > MAX_GAP) {
                ranges.add(new IdRange(first, last));
                first = id;
            }
            last = id;
        }
        ranges.add(new IdRange(first, last));
        return ranges;
    }
}
