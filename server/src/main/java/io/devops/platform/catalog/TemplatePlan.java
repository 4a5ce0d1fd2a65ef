package io.devops.platform.catalog;

import java.util.List;

/** The compiled form of one template version: its tasks in order. Never changes once stored. */
public record TemplatePlan(long templateId, long originalTemplateId, int version, String name,
                           List<PlannedTask> tasks) {
}
