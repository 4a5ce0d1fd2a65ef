package io.devops.platform.catalog;

/**
 * A template step as a task refers back to it, so that results can be shown per step.
 *
 * @param type {@code operator} or {@code script}
 * @param refId the operator version id or the shell version id
 */
public record PlannedStep(int sequence, String type, long refId, String name, int version) {
}
