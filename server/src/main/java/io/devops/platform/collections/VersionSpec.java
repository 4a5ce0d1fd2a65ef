package io.devops.platform.collections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A version or a range as requirements files write it: {@code *}, {@code 1.2.3}, {@code ==1.2.3},
 * or comparisons joined by commas ({@code >=1.0.0,<2.0.0}, {@code !=1.1.0}). Versions compare by
 * their numbers; a pre-release comes before its release.
 */
record VersionSpec(List<Constraint> constraints) {

    record Constraint(String operator, String version) {
    }

    static final Comparator<String> ORDER = VersionSpec::compare;

    static VersionSpec parse(String spec) {
        List<Constraint> constraints = new ArrayList<>();
        for (String part : spec.split(",")) {
            String text = part.strip();
            if (text.isEmpty() || text.equals("*")) {
                continue;
            }
            String operator = text.replaceAll("^([<>=!]*).*$", "$1");
            String version = text.substring(operator.length()).strip();
            if (!List.of("", "==", "=", ">=", ">", "<=", "<", "!=").contains(operator)
                    || !CollectionArtifact.VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("'" + spec + "' is not a version or a version range");
            }
            constraints.add(new Constraint(operator, version));
        }
        return new VersionSpec(List.copyOf(constraints));
    }

    boolean matches(String version) {
        return constraints.stream().allMatch(c -> test(c.operator()).test(compare(version, c.version())));
    }

    private static IntPredicate test(String operator) {
        return switch (operator) {
            case ">=" -> d -> d >= 0;
            case ">" -> d -> d > 0;
            case "<=" -> d -> d <= 0;
            case "<" -> d -> d < 0;
            case "!=" -> d -> d != 0;
            default -> d -> d == 0;
        };
    }

    static int compare(String a, String b) {
        String[] left = core(a).split("\\.");
        String[] right = core(b).split("\\.");
        for (int i = 0; i < 3; i++) {
            int d = Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i]));
            if (d != 0) {
                return d;
            }
        }
        boolean leftPre = core(a).length() < a.replaceAll("\\+.*$", "").length();
        boolean rightPre = core(b).length() < b.replaceAll("\\+.*$", "").length();
        return Boolean.compare(!leftPre, !rightPre);
    }

    private static String core(String version) {
        return version.replaceAll("[-+].*$", "");
    }
}
