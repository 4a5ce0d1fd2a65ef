package io.devops.platform.acceptance;

/**
 * One row of the all_reduce_perf table: the message size and the bandwidths (GB/s) measured
 * out of place and in place. {@code wrong} is the out-of-place {@code #wrong} count, null when the
 * output has none (older versions print an {@code error} column, and {@code -c 0} prints N/A).
 */
public record BandwidthPoint(long sizeBytes, double algBwGbps, double busBwGbps, double inPlaceAlgBwGbps,
                             double inPlaceBusBwGbps, Long wrong) {
}
