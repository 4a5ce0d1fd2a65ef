package io.devops.platform.acceptance;

import java.util.List;

/** The median of some figures: the middle one, or the mean of the two middle ones; the same figures give the same median in any order. */
final class Medians {

    private Medians() {
    }

    static double of(List<Double> figures) {
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("no figures: a median of nothing is not a baseline");
        }
        double[] sorted = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
