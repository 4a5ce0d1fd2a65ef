package io.devops.platform.execution.compare;

import java.util.List;

/** An acceptance check on a node in both sides, its verdicts and measured figures next to each other. */
public record CheckChange(String check, CheckCell a, CheckCell b, boolean changed, List<String> changes) {
}
