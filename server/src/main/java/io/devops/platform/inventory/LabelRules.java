package io.devops.platform.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a label key and value may look like: short, and safe as Ansible inventory variables. */
final class LabelRules {

    static final int MAX_LABELS = 32;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,62}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:-]{1,63}");

    private LabelRules() {
    }

    /** Problems with a set of labels, as readable messages; empty when all are fine. */
    static List<String> problems(Map<String, String> labels) {
        List<String> problems = new ArrayList<>();
        if (labels == null) {
            return problems;
        }
        if (labels.size() > MAX_LABELS) {
            problems.add("at most " + MAX_LABELS + " labels");
        }
        labels.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add("label key '" + key + "' must be 1-63 letters, digits, '_', '.', '/' or '-'");
            }
            if (value == null || !VALUE.matcher(value).matches()) {
                problems.add("label value '" + value + "' of '" + key + "' must be 1-63 letters, digits, '_', '.', ':' or '-'");
            }
        });
        return problems;
    }
}
