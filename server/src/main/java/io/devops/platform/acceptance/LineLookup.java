package io.devops.platform.acceptance;

import java.util.List;

/**
 * The pass line a performance check judges against, or why there is none. Every check says a
 * missing line alike ("no line for 8 x H100 on one node: add one (PUT /api/v1/acceptance-lines)")
 * and answers ERROR for it: without a line nothing may pass. {@code note} says how the line was
 * chosen when that is not plain (a multi-node line picked by fabric).
 */
record LineLookup(AcceptanceLine line, String note, String missing) {

    static LineLookup of(AcceptanceLine line, String note) {
        return new LineLookup(line, note, null);
    }

    static LineLookup none(String why) {
        return new LineLookup(null, null, why);
    }

    /** The first (most specific) candidate, or the sentence that asks for a line for {@code what}. */
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
        return new CheckResult(check, CheckVerdict.ERROR, measured, null, unit, missing + " (measured " + figures + ")");
    }
}
