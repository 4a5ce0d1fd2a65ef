package io.devops.platform.acceptance;

/** A check's result after the judging mode was applied, and the baseline it was judged against (null when none). */
public record Baselined(CheckResult result, BaselineRef baseline) {

    public static Baselined without(CheckResult result) {
        return new Baselined(result, null);
    }
}
