package io.devops.platform.acceptance;

import java.util.List;

/**
 * The pass line a performance check judges against, or why there is none (then the check answers
 * ERROR: without a line nothing may pass). {@code note} says how the line was chosen when that is
 * not plain (a multi-node line picked by fabric).
 */
record LineLookup(AcceptanceLine line, String note, String missing) {

    static LineLookup of(AcceptanceLine line, String note) {
        return new LineLookup(line, note, null);
    }

    static LineLookup none(String why) {
        return new LineLookup(null, null, why);
    }

    /** The first (most specific) candidate, or "no line for {@code what}: add one ...", said alike by every check. */
    static LineLookup first(List<AcceptanceLine> candidates, String what) {
        return candidates.isEmpty() ? none(noLine(what)) : of(candidates.get(0), null);
    }

    static String noLine(String what) {
        return "no line for " + what + ": add one (PUT /api/v1/acceptance-lines)";
    }

    boolean found() {
        return line != null;
    }

    /** The ERROR for a missing line that still shows what was measured ({@code figures}: "412.30 GB/s ..."). */
    CheckResult error(String check, double measured, String unit, String figures) {
        return new CheckResult(check, CheckVerdict.ERROR, measured, null, unit, missing + " (measured " + figures + ")",
                FailureReason.COULD_NOT_RUN);
    }
}
