package io.devops.platform.acceptance;

/**
 * Why a verdict is not PASS, so that "could not run" is never read as "ran and was slow" (the kinds
 * NVIDIA's Cluster Readiness Engine keeps apart): THRESHOLD, measured and below (or above) its line;
 * HARDWARE, a fault seen on the node (an XID, ECC errors, a link down, a GPU missing, a service of the
 * GPU stack down); COULD_NOT_RUN, the tool is missing or failed, or no line exists to judge by;
 * MISSING_EVIDENCE, no report or no measurement where one was due. None of them passes.
 */
public enum FailureReason {
    THRESHOLD, HARDWARE, COULD_NOT_RUN, MISSING_EVIDENCE
}
