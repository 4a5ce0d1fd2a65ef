package io.devops.platform.acceptance;

import java.util.Comparator;
import java.util.List;

/**
 * What all_reduce_perf printed, or why it could not be read. Exactly one of {@code notParsed} and
 * the table's data is present: a caller never gets an exception for bad output.
 *
 * @param points the rows in printed order
 * @param avgBusBwGbps the {@code # Avg bus bandwidth} summary (an average over every size)
 * @param wrongValues the sum of the {@code #wrong} counts, out of place and in place
 * @param outOfBoundsFailed true when the footer says {@code # Out of bounds values : N FAILED}
 */
record NcclTable(List<BandwidthPoint> points, double avgBusBwGbps, long wrongValues, boolean outOfBoundsFailed,
                 String notParsed) {

    static NcclTable parsed(List<BandwidthPoint> points, double avgBusBwGbps, long wrongValues, boolean outOfBoundsFailed) {
        return new NcclTable(List.copyOf(points), avgBusBwGbps, wrongValues, outOfBoundsFailed, null);
    }

    static NcclTable notParsed(String why) {
        return new NcclTable(List.of(), 0, 0, false, why);
    }

    boolean isParsed() {
        return notParsed == null;
    }

    /** The row with the largest message size: the figure a node is judged by (the average mixes in tiny sizes). */
    BandwidthPoint largest() {
        return points.stream().max(Comparator.comparingLong(BandwidthPoint::sizeBytes)).orElseThrow();
    }
}
