package io.devops.platform.execution.compare;

import java.util.List;

/** A step on a node in both sides; {@code changes} names what differs: status, duration, message. A side without the step has no cell. */
public record StepChange(String name, StepCell a, StepCell b, boolean changed, List<String> changes) {
}
