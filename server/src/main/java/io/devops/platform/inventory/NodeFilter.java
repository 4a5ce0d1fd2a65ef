package io.devops.platform.inventory;

import io.devops.platform.shared.InvalidInputException;
import java.util.List;

/** The node list's filters; every one is optional and they combine with AND. */
record NodeFilter(Long poolId, Long tenantId, List<LabelMatch> labels, String gpuType, Boolean locked, Boolean online,
                  String text) {

    static NodeFilter of(Long poolId, Long tenantId, List<String> labels, String gpuType, Boolean locked, Boolean online,
                         String text) {
        List<LabelMatch> matches = labels == null ? List.of() : labels.stream().map(LabelMatch::parse).toList();
        return new NodeFilter(poolId, tenantId, matches, blankToNull(gpuType), locked, online, blankToNull(text));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code key=value}, or just {@code key} for "has this label with any value". */
    record LabelMatch(String key, String value) {

        static LabelMatch parse(String text) {
            int equals = text.indexOf('=');
            String key = (equals < 0 ? text : text.substring(0, equals)).trim();
            if (key.isEmpty()) {
                throw new InvalidInputException("label", "write the label filter as key=value or key, not '" + text + "'");
            }
            return new LabelMatch(key, equals < 0 ? null : text.substring(equals + 1).trim());
        }
    }
}
