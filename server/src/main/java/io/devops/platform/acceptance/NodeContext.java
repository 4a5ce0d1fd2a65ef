package io.devops.platform.acceptance;

/**
 * What a check knows about the node it judges, beside the tool's output: the GPU type and count the
 * inventory declares for it (null when not declared) and how many nodes took part (1 for a
 * single-node test; N for a multi-node NCCL or torch run, whose line depends on N).
 */
public record NodeContext(String gpuType, Integer gpuCount, int nodeCount) {

    public static NodeContext single(String gpuType, Integer gpuCount) {
        return new NodeContext(gpuType, gpuCount, 1);
    }
}
