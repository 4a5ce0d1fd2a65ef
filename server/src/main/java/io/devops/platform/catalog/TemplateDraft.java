package io.devops.platform.catalog;

import java.util.List;
import java.util.Map;

/** A template version as the API receives it (POST and PUT): steps in order. */
record TemplateDraft(String name, String description, List<StepDraft> steps) {

    /** {@code type} is operator (with operatorId) or script (with shellId, params and an optional dispatch). */
    record StepDraft(String type, Long operatorId, Long shellId, Map<String, String> params, String dispatch) {
    }
}
