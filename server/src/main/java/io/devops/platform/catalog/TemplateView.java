package io.devops.platform.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A template version as the API shows it: its steps, never its internal tasks. */
record TemplateView(long id, String name, String description, int version, long originalTemplateId, boolean latest,
                    boolean deleted, List<Step> steps, Instant createdAt, String createdBy) {

    /** {@code name} and {@code refVersion} are the operator's or shell's at the pinned version. */
    record Step(int sequence, String type, Long operatorId, Long shellId, String name, int refVersion,
                Dispatch dispatch, Map<String, String> params) {
    }
}
