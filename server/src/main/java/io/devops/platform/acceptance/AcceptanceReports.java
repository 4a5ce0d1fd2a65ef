package io.devops.platform.acceptance;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rule between a node's report files and the checks: a report whose path ends in
 * {@code acceptance/<check>.txt} holds the output of that check's tool.
 */
public final class AcceptanceReports {

    private static final Pattern CHECK_REPORT = Pattern.compile("(?:^|/)acceptance/([a-z0-9_]{1,64})\\.txt$");

    private AcceptanceReports() {
    }

    /** @return the check a report path belongs to, when it is an acceptance report */
    public static Optional<String> checkOf(String reportPath) {
        Matcher matcher = CHECK_REPORT.matcher(reportPath == null ? "" : reportPath);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
