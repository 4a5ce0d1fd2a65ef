package io.devops.platform.acceptance;

import io.devops.platform.acceptance.ThresholdsController.ThresholdInput;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks a whole new set of thresholds and names every problem at once, by field. */
final class ThresholdRules {

    static final int MAX_RULES = 50;
    static final long DEFAULT_MIN_MESSAGE_BYTES = 1L << 30;
    private static final double MAX_BUSBW_GBPS = 100_000;
    private static final long MAX_MESSAGE_BYTES = 1L << 40;
    private static final String MATCH_CHARACTERS = "[A-Za-z0-9 _-]+";
    private static final int MAX_MATCH_WORDS = 8;

    private ThresholdRules() {
    }

    static List<ThresholdRule> validate(List<ThresholdInput> inputs) {
        if (inputs == null) {
            throw new InvalidInputException("thresholds", "is required: give the whole list (it replaces the current one)");
        }
        if (inputs.size() > MAX_RULES) {
            throw new InvalidInputException("thresholds", "has " + inputs.size() + " entries; at most " + MAX_RULES + " are allowed");
        }
        List<InputError> errors = new ArrayList<>();
        List<ThresholdRule> rules = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> matches = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            String at = "thresholds[" + i + "].";
            ThresholdInput input = inputs.get(i);
            if (input == null) {
                errors.add(new InputError("thresholds[" + i + "]", "is empty"));
                continue;
            }
            String name = input.name() == null ? "" : input.name().strip();
            if (name.isEmpty() || name.length() > 64) {
                errors.add(new InputError(at + "name", "must be 1 to 64 characters"));
            } else if (names.putIfAbsent(name.toLowerCase(Locale.ROOT), i) != null) {
                errors.add(new InputError(at + "name", "'" + name + "' is already used by thresholds[" + names.get(
                        name.toLowerCase(Locale.ROOT)) + "]"));
            }
            String match = input.modelMatch() == null ? "" : input.modelMatch().strip().replaceAll("\\s+", " ");
            List<String> words = ThresholdRule.words(match);
            if (match.isEmpty() || match.length() > 100 || !match.matches(MATCH_CHARACTERS)) {
                errors.add(new InputError(at + "modelMatch", "must be 1 to 100 characters of letters, digits, spaces, '-' and '_'"
                        + " (words of the GPU model, e.g. 'H100 HBM3')"));
            } else if (words.size() > MAX_MATCH_WORDS) {
                errors.add(new InputError(at + "modelMatch", "has " + words.size() + " words; at most " + MAX_MATCH_WORDS));
            } else {
                String key = words.stream().sorted().collect(Collectors.joining(" ")) + "/" + input.gpuCount();
                Integer same = matches.putIfAbsent(key, i);
                if (same != null) {
                    errors.add(new InputError(at + "modelMatch", "matches the same GPUs as thresholds[" + same + "]"));
                }
            }
            if (input.gpuCount() != null && (input.gpuCount() < 1 || input.gpuCount() > 64)) {
                errors.add(new InputError(at + "gpuCount", "must be 1 to 64, or left out to match any count"));
            }
            Double min = input.minBusBwGbps();
            if (min == null || !(min > 0) || min > MAX_BUSBW_GBPS) {
                errors.add(new InputError(at + "minBusBwGbps", "must be a number of GB/s above 0 and at most " + (long) MAX_BUSBW_GBPS));
            } else if (Math.round(min * 100) != min * 100) {
                errors.add(new InputError(at + "minBusBwGbps", "may have at most two decimals"));
            }
            long size = input.minMessageBytes() == null ? DEFAULT_MIN_MESSAGE_BYTES : input.minMessageBytes();
            if (size < 0 || size > MAX_MESSAGE_BYTES) {
                errors.add(new InputError(at + "minMessageBytes", "must be 0 to " + MAX_MESSAGE_BYTES + " bytes"));
            }
            String description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
            if (description != null && description.length() > 500) {
                errors.add(new InputError(at + "description", "must be at most 500 characters"));
            }
            rules.add(new ThresholdRule(0, name, match, input.gpuCount(), min == null ? 0 : min, size, description));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        return rules;
    }
}
