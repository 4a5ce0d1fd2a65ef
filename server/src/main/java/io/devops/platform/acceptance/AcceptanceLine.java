package io.devops.platform.acceptance;

import java.util.Set;

/**
 * One pass line of the acceptance checks: the {@code check}'s {@code metric} must reach at least
 * {@code minValue} ({@code unit}) on GPUs whose model matches {@code gpuModel}, with
 * {@code gpuCount} GPUs per node when set, over {@code nodeCount} nodes and, for multi-node lines,
 * over {@code fabric}. {@code source} says where the figure comes from.
 *
 * <p>Model matching is ThresholdRule's: every word of {@code gpuModel} must be a word of the model
 * string nvidia-smi prints ("H100" matches "NVIDIA H100 80GB HBM3"); the line with more words wins.
 */
record AcceptanceLine(String check, String metric, String gpuModel, Integer gpuCount, int nodeCount, String fabric,
                      double minValue, String unit, String source) {

    boolean matches(String check, String metric, String model, Integer count, int nodes) {
        return this.check.equals(check) && this.metric.equals(metric) && nodeCount == nodes
                && (gpuCount == null || gpuCount.equals(count))
                && Set.copyOf(ThresholdRule.words(model)).containsAll(ThresholdRule.words(gpuModel));
    }

    int specificity() {
        return ThresholdRule.words(gpuModel).size() * 2 + (gpuCount == null ? 0 : 1);
    }

    /** How the line reads in a message: "8 x H100, 2 nodes over IB: >= 340.00 GB/s". */
    String describe() {
        return (gpuCount == null ? "" : gpuCount + " x ") + gpuModel + (nodeCount > 1 ? ", " + nodeCount + " nodes" : "")
                + (fabric == null ? "" : " over " + fabric);
    }
}
